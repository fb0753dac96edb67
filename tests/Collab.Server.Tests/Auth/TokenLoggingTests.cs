using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Auth;

/// <summary>
/// No token reaches the logs, even with request logging on (as outside the content root, where
/// no appsettings.json turns it down): query tokens of WebSocket handshakes are redacted.
/// A server process: the test reads what the server writes to its console.
/// </summary>
[Trait("Needs", "Server")]
public sealed class TokenLoggingTests : IAsyncLifetime
{
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        });
        await _server.CreateProjectAsync("olivia", "logged");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Handshake_tokens_are_redacted_from_request_logs()
    {
        var yToken = TestTokens.For("olivia");
        using (var socket = new ClientWebSocket())
        {
            await socket.ConnectAsync(new Uri($"{_server.WsUrl}/yjs/logged/welcome.ipynb?access_token={yToken}"), CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }
        var hubToken = TestTokens.For("olivia");
        await using (var hub = new HubConnectionBuilder()
            .WithUrl($"{_server.HttpUrl}/hubs/collab", HttpTransportType.WebSockets, o => o.AccessTokenProvider = () => Task.FromResult<string?>(hubToken))
            .Build())
        {
            await hub.StartAsync();
        }
        var badToken = TestTokens.Expired("olivia");
        using (var refused = new ClientWebSocket())
            await Assert.ThrowsAsync<WebSocketException>(() =>
                refused.ConnectAsync(new Uri($"{_server.WsUrl}/yjs/logged/welcome.ipynb?access_token={badToken}"), CancellationToken.None));

        var log = await LogAfterRefusalAsync("/yjs/logged/welcome.ipynb");
        Assert.Contains("access_token=[redacted]", log);
        foreach (var token in new[] { yToken, hubToken, badToken })
        {
            Assert.DoesNotContain(token, log);
            Assert.DoesNotContain(token.Split('.')[2], log); // not even the signature
        }
    }

    /// <summary>
    /// The log once the refused handshake to <paramref name="marker"/>, the last request, has been
    /// logged as finished: the JSON console writes on its own thread, in order, so all before it is there too.
    /// </summary>
    private async Task<string> LogAfterRefusalAsync(string marker)
    {
        Assert.True(await Eventually.HoldsAsync(() => _server.Log.Split('\n').Any(line =>
            line.Contains("Request finished", StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal)
            && line.Contains(" 401 ", StringComparison.Ordinal))), "request logging is off");
        return _server.Log;
    }
}
