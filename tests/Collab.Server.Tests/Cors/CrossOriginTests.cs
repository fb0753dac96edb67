using System.Net;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cors;

/// <summary>
/// <c>Cors:AllowedOrigins</c>: a browser page from a listed origin may call REST, the hub's negotiate
/// and the copilot's event stream with credentials; any other origin gets no CORS headers; with
/// nothing listed (the default) no request gets them and preflights are not answered.
/// </summary>
[Trait("Needs", "Server")]
public sealed class CrossOriginTests(CrossOriginServers servers) : IClassFixture<CrossOriginServers>
{
    private const string Allowed = CrossOriginServers.Allowed;

    private static HttpRequestMessage Preflight(string path, string origin, string method) => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", method },
            { "Access-Control-Request-Headers", "authorization,content-type,x-signalr-user-agent,x-requested-with" },
        },
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Theory]
    [InlineData("/api/projects", "GET")]
    [InlineData("/api/projects/demo/members/bob", "PUT")]
    [InlineData("/hubs/collab/negotiate?negotiateVersion=1", "POST")]
    [InlineData("/api/copilot/ask", "POST")]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_credentials(string path, string method)
    {
        using var http = new HttpClient { BaseAddress = new Uri(servers.Open.HttpUrl) };
        using var response = await http.SendAsync(Preflight(path, Allowed, method));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("authorization", Header(response, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Origin", Header(response, "Vary"));
    }

    [Fact]
    public async Task The_actual_request_from_an_allowed_origin_carries_the_headers()
    {
        using var http = servers.Open.Client(TestTokens.For("olivia"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects") { Headers = { { "Origin", Allowed } } };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task The_auth_config_names_the_allowed_origins_for_the_sign_in_popup()
    {
        using var http = new HttpClient { BaseAddress = new Uri(servers.Open.HttpUrl) };
        var config = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/auth/config"))!;
        Assert.Equal([Allowed, "http://127.0.0.1:8888"], config["allowedOrigins"]!.AsArray().Select(o => (string)o!));
    }

    [Theory]
    [InlineData("https://evil.example.test")]
    [InlineData("https://jupyter.example.test.evil.test")]
    [InlineData("http://jupyter.example.test")]
    [InlineData("null")]
    public async Task Another_origin_gets_no_CORS_headers(string origin)
    {
        using var http = servers.Open.Client(TestTokens.For("olivia"));
        using var preflight = await http.SendAsync(Preflight("/api/projects", origin, "GET"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects") { Headers = { { "Origin", origin } } };
        using var response = await http.SendAsync(request);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/hubs/collab/negotiate?negotiateVersion=1")]
    public async Task By_default_there_is_no_CORS_at_all(string path)
    {
        using var http = servers.Default.Client(TestTokens.For("olivia"));
        using var preflight = await http.SendAsync(Preflight(path, Allowed, "POST"));
        Assert.NotEqual(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.False(preflight.IsSuccessStatusCode);
        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects") { Headers = { { "Origin", Allowed } } };
        using var response = await http.SendAsync(request);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }
}
