using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// What one connection (or one user) can make the server hold: an unfinished message and the
/// number of sockets. Each is bounded; the offender is refused or dropped, others carry on. (The
/// queued output of a client that doesn't read is <see cref="QueuedOutputBoundsTests"/>.)
/// </summary>
[Trait("Needs", "Server")]
public sealed class ConnectionBoundsTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new InProcessServer(new Dictionary<string, string>
        {
            ["Limits:MessageAssemblySeconds"] = "2",
            ["Limits:MaxConnectionsPerUser"] = "5",
        });
        await _server.CreateProjectAsync("alice", "bounds");
        await _server.AddMemberAsync("alice", "bounds", "bob", "editor");
        await _server.AddMemberAsync("alice", "bounds", "carol", "editor");
        await _server.CreateNotebookAsync("alice", "bounds", "nb.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_unfinished_message_is_dropped_after_the_assembly_time()
    {
        using var bob = await YSocket.ConnectAsync(_server, TestTokens.For("bob"), "bounds", "nb.ipynb");
        await bob.Socket.SendAsync(new byte[1_000_000], WebSocketMessageType.Binary, endOfMessage: false, CancellationToken.None);
        await bob.ClosedAsync(TimeSpan.FromSeconds(15));
        Assert.NotEqual(WebSocketState.Open, bob.Socket.State);
        await AssertOthersCanEditAsync();
    }

    [Fact]
    public async Task A_user_cannot_open_more_connections_than_the_cap()
    {
        var open = new List<YSocket>();
        try
        {
            for (int i = 0; i < 5; i++) open.Add(await YSocket.ConnectAsync(_server, TestTokens.For("bob"), "bounds", "nb.ipynb"));
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => YSocket.ConnectAsync(_server, TestTokens.For("bob"), "bounds", "nb.ipynb"));
            Assert.Contains("429", refused.Message);
            var hub = HubDocClient.Connect(_server, TestTokens.For("bob"), messagePack: false);
            var hubClosed = new TaskCompletionSource();
            hub.Closed += _ => { hubClosed.TrySetResult(); return Task.CompletedTask; };
            try
            {
                await hub.StartAsync(); // the handshake may complete before OnConnected refuses
                await hubClosed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is not TimeoutException) { }
            Assert.Equal(HubConnectionState.Disconnected, hub.State);
            await hub.DisposeAsync();

            open[0].Socket.Abort();
            open[0].Dispose();
            open.RemoveAt(0);
            for (int attempt = 0; attempt < 50 && open.Count < 5; attempt++)
            {
                try { open.Add(await YSocket.ConnectAsync(_server, TestTokens.For("bob"), "bounds", "nb.ipynb")); }
                catch (WebSocketException) { await Task.Delay(100); } // the server notices the abort shortly
            }
            Assert.Equal(5, open.Count);
        }
        finally
        {
            foreach (var socket in open) socket.Dispose();
        }
        await AssertOthersCanEditAsync();
    }

    private async Task AssertOthersCanEditAsync()
    {
        await using var carol = await HubDocClient.JoinAsync(_server, TestTokens.For("carol"), "bounds", "nb.ipynb");
        carol.Edit(doc => doc.GetMap("state").Set("dirty", true));
        await carol.FlushAsync();
    }
}
