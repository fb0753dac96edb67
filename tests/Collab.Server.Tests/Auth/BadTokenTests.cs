using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Auth;

/// <summary>Expired, wrongly signed, wrong-audience and unsigned tokens are refused everywhere.</summary>
[Trait("Needs", "Server")]
public sealed class BadTokenTests(AuthServerFixture fixture) : IClassFixture<AuthServerFixture>
{
    public static TheoryData<string> BadTokens() => new() { "expired", "wrong-signature", "wrong-audience", "alg-none", "garbage" };

    private static string Make(string kind) => kind switch
    {
        "expired" => TestTokens.Expired("olivia"),
        "wrong-signature" => TestTokens.WrongSignature("olivia"),
        "wrong-audience" => TestTokens.WrongAudience("olivia"),
        "alg-none" => TestTokens.AlgNone("olivia"),
        _ => "not-a-token",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Rest_refuses(string kind)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Make(kind));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/projects/alpha/notebooks")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Hub_refuses(string kind)
    {
        await using var connection = HubDocClient.Connect(fixture.Server, Make(kind), messagePack: true);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task YWebSocket_refuses(string kind)
    {
        using var socket = new ClientWebSocket();
        var url = new Uri($"{fixture.Server.WsUrl}/yjs/alpha/welcome.ipynb?access_token={Make(kind)}");
        var error = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(url, CancellationToken.None));
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task The_query_token_is_ignored_outside_WebSockets()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Server.HttpUrl) };
        var response = await client.GetAsync($"/api/projects/alpha/notebooks?access_token={TestTokens.For("olivia")}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_good_token_is_accepted()
    {
        using var client = fixture.Server.Client(TestTokens.For("olivia"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/projects/alpha/notebooks")).StatusCode);
    }
}
