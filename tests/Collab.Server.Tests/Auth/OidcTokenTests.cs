using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// Tokens from a real OpenID provider (RS256, keys from its discovery document): a signed-in
/// user's token works on REST and the hub; tokens that its key signed but name another audience
/// or issuer, or have expired, and tokens that were altered or signed by another key (or HS256), get 401.
/// </summary>
[Trait("Needs", "Node")]
[Trait("Needs", "Server")]
public sealed class OidcTokenTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    [Fact]
    public async Task A_signed_in_user_works_on_REST_as_themselves()
    {
        using var bob = fixture.Server.Client(fixture.BobToken);
        var projects = JsonNode.Parse(await bob.GetStringAsync("/api/projects"))!.AsArray();
        var lab = Assert.Single(projects)!;
        Assert.Equal("lab", (string)lab["id"]!);
        Assert.Equal("editor", (string)lab["role"]!);
        var members = JsonNode.Parse(await bob.GetStringAsync("/api/projects/lab/members"))!.AsArray();
        Assert.Contains(members, m => (string)m!["userId"]! == "olivia" && (string)m["role"]! == "owner");
    }

    [Fact]
    public async Task A_signed_in_user_joins_a_notebook_on_the_hub_with_their_role()
    {
        await using var client = await HubDocClient.JoinAsync(fixture.Server, fixture.BobToken, "lab", "welcome.ipynb", messagePack: true);
        Assert.Equal("editor", client.Role);
    }

    [Fact]
    public async Task A_user_who_is_no_member_sees_no_project()
    {
        using var nora = fixture.Server.Client(await fixture.Provider.SignInAsync("nora"));
        Assert.Equal("[]", (await nora.GetStringAsync("/api/projects")).Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await nora.GetAsync("/api/projects/lab/notebooks")).StatusCode);
    }

    public static TheoryData<string> BadTokens() => new() { "wrong-audience", "wrong-issuer", "expired", "tampered", "other-key", "no-user", "shared-key" };

    private string Make(string kind)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = fixture.Provider.Issuer, ["aud"] = fixture.Provider.Audience, ["sub"] = "olivia", ["iat"] = now, ["exp"] = now + 600,
        };
        switch (kind)
        {
            case "wrong-audience": claims["aud"] = "another-api"; break;
            case "wrong-issuer": claims["iss"] = "http://127.0.0.1:9/another-issuer"; break;
            case "expired": claims["iat"] = now - 3600; claims["exp"] = now - 600; break;
            case "no-user": claims.Remove("sub"); break;
            case "shared-key": return TestTokens.For("olivia"); // HS256: this server trusts only the provider
            case "other-key":
                using (var rsa = RSA.Create(2048))
                    return fixture.Provider.Forge(claims, new RsaSecurityKey(rsa.ExportParameters(true)) { KeyId = fixture.Provider.SigningKey.KeyId });
            case "tampered":
                // Bob's real token with its payload changed to name Olivia; the signature no longer matches.
                var parts = fixture.BobToken.Split('.');
                var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
                payload["sub"] = "olivia";
                return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
        }
        return fixture.Provider.Forge(claims);
    }

    [Fact]
    public async Task The_forged_control_token_is_accepted_so_each_refusal_is_about_its_one_flaw()
    {
        using var olivia = fixture.Server.Client(Make("control"));
        Assert.Equal(HttpStatusCode.OK, (await olivia.GetAsync("/api/projects/lab/notebooks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Rest_refuses(string kind)
    {
        using var client = fixture.Server.Client(Make(kind));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects/lab/notebooks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Hub_refuses(string kind)
    {
        await using var connection = HubDocClient.Connect(fixture.Server, Make(kind), messagePack: true);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task The_auth_config_tells_clients_where_to_sign_in()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpUrl) };
        var config = await anonymous.GetFromJsonAsync<JsonObject>("/api/auth/config");
        Assert.Equal(fixture.Provider.Issuer, (string)config!["authority"]!);
        Assert.Equal(fixture.Provider.ClientId, (string)config["clientId"]!);
        Assert.Equal(fixture.Provider.Scopes, (string)config["scopes"]!);
        Assert.Equal("sub", (string)config["userClaim"]!);
        Assert.False((bool)config["devTokens"]!);
    }
}
