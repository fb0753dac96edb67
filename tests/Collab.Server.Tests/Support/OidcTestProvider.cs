using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Server.Tests.Support;

/// <summary>
/// The real OpenID provider of <c>tests/interop/oidc-test-provider.mjs</c> (the <c>oidc-provider</c>
/// package) in a Node process, and an end user signing in at it with the authorization code flow
/// and PKCE, as a browser would: authorize, the provider's login form, the redirect with the code,
/// the token request.
/// </summary>
public sealed partial class OidcTestProvider : IAsyncDisposable
{
    public const string RedirectUri = "http://127.0.0.1:9/signed-in";
    private readonly Process _process;
    private readonly JsonObject _ready;

    private OidcTestProvider(Process process, JsonObject ready)
    {
        _process = process;
        _ready = ready;
    }

    public string Issuer => (string)_ready["issuer"]!;
    public string ClientId => (string)_ready["clientId"]!;
    public string Audience => (string)_ready["audience"]!;
    public string Scopes => (string)_ready["scopes"]!;

    /// <summary>The provider's own private signing key, to forge tokens that it did sign but that must still be refused.</summary>
    public JsonWebKey SigningKey => new(_ready["jwk"]!.ToJsonString());

    public static async Task<OidcTestProvider> StartAsync()
    {
        var config = new JsonObject { ["redirectUris"] = new JsonArray(RedirectUri) };
        var info = new ProcessStartInfo("node", ["oidc-test-provider.mjs", config.ToJsonString()])
        {
            WorkingDirectory = RepoPaths.Interop,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { }; // its warnings; drained so it never blocks
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
                return new OidcTestProvider(process, JsonNode.Parse(line["READY ".Length..])!.AsObject());
        }
        throw new InvalidOperationException($"oidc-test-provider.mjs exited ({process.ExitCode}) before it was ready; run npm ci in tests/interop.");
    }

    /// <summary>Signs <paramref name="login"/> in through the provider's login page; returns the access token.</summary>
    public async Task<string> SignInAsync(string login)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(Issuer) };
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var query = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["scope"] = Scopes, ["redirect_uri"] = RedirectUri,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = state, ["nonce"] = Guid.NewGuid().ToString("N"),
        });
        var response = await http.GetAsync("/auth?" + await query.ReadAsStringAsync());
        var loginPage = await (await http.GetAsync(Location(response))).Content.ReadAsStringAsync();
        var action = FormAction().Match(loginPage).Groups[1].Value;
        response = await http.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["prompt"] = "login", ["login"] = login, ["password"] = "any",
        }));
        response = await http.GetAsync(Location(response));
        var callback = new Uri(Location(response));
        Assert.StartsWith(RedirectUri, callback.ToString());
        var returned = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(state, returned["state"]);
        var token = await http.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = returned["code"]!, ["redirect_uri"] = RedirectUri,
            ["client_id"] = ClientId, ["code_verifier"] = verifier,
        }));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A token with these claims, RS256-signed with the provider's key (or <paramref name="key"/>).</summary>
    public string Forge(IDictionary<string, object> claims, SecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(
        JsonSerializer.Serialize(claims), new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256));

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location?.ToString() ?? throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}.");

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close(); // the script exits when its stdin ends
        if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
