using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Auth;

/// <summary><c>?access_token=</c> works only for WebSocket and server-sent-event handshakes, never for REST (upgrade headers or not).</summary>
[Trait("Needs", "Server")]
public sealed class QueryTokenTests(AuthServerFixture fixture) : IClassFixture<AuthServerFixture>
{
    [Fact]
    public async Task Rest_with_upgrade_headers_ignores_the_query_token()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/alpha/notebooks?access_token={TestTokens.For("olivia")}");
        request.Headers.TryAddWithoutValidation("Connection", "Upgrade");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        request.Headers.TryAddWithoutValidation("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task The_hub_event_stream_accepts_it()
    {
        using var client = fixture.Server.Client(TestTokens.For("olivia"));
        var negotiated = await client.PostAsync("/hubs/collab/negotiate?negotiateVersion=1", null);
        negotiated.EnsureSuccessStatusCode();
        var connectionToken = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();

        using var anonymous = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/hubs/collab?id={connectionToken}&access_token={TestTokens.For("olivia")}");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_without_the_user_claim_is_refused_with_401()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.WithoutUser());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/projects", new { id = "claimless" })).StatusCode);
        await using var hub = HubDocClient.Connect(fixture.Server, TestTokens.WithoutUser(), messagePack: false);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
