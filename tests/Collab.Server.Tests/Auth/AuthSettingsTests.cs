using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Auth;

/// <summary>The sign-in settings clients read, and the start-time checks on them.</summary>
[Trait("Needs", "Server")]
public sealed class AuthSettingsTests
{
    [Fact]
    public async Task Without_an_authority_clients_are_told_to_take_a_pasted_token()
    {
        await using var server = new InProcessServer();
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.HttpUrl) };
        var config = await anonymous.GetFromJsonAsync<JsonObject>("/api/auth/config");
        Assert.Null(config!["authority"]);
        Assert.Null(config["clientId"]);
        Assert.Equal("openid profile", (string)config["scopes"]!);
        Assert.True((bool)config["devTokens"]!);
    }

    [Fact]
    public async Task The_sign_in_popup_callback_page_is_served_under_api_with_its_script_and_the_CSP()
    {
        await using var server = new InProcessServer();
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.HttpUrl) };
        using var page = await anonymous.GetAsync("/api/auth/callback?code=x&state=y");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<script src=\"callback.js\"", await page.Content.ReadAsStringAsync());
        Assert.Contains("script-src 'self'", string.Join(" ", page.Headers.GetValues("Content-Security-Policy")));
        var script = await anonymous.GetStringAsync("/api/auth/callback.js");
        Assert.Contains("config.allowedOrigins", script);
    }

    // The real process: a bad setting must stop the server's start, not only fail a host in a test.
    [Theory]
    [InlineData("Auth:ClientId", "collab-web", "Auth:ClientId needs Auth:Authority")]
    [InlineData("Auth:Scopes", "profile email", "Auth:Scopes must be space-separated and include 'openid'")]
    [InlineData("Auth:Authority", "http://idp.example.test/realms/x", "Auth:Authority must be an absolute https URL")]
    [InlineData("Auth:Authority", "idp.example.test", "Auth:Authority must be an absolute https URL")]
    public async Task Start_is_refused_with_a_message_naming_the_key(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(settings: new Dictionary<string, string> { [key] = value }));
        Assert.Contains(expected, error.Message);
    }
}
