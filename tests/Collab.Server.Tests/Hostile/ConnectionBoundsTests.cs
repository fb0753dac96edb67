using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Hostile;

/// <summary>
/// What one connection (or one user) can make the server hold: queued output to a client that
/// doesn't read, an unfinished message, sync requests, and the number of sockets. Each is bounded;
/// the offender is refused or dropped, the server's memory stays bounded, others carry on.
/// </summary>
public sealed class ConnectionBoundsTests : IAsyncLifetime
{
    private const long QueueCap = 4L * 1024 * 1024;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Limits:MaxQueuedBytesPerConnection"] = QueueCap.ToString(),
            ["Limits:MessageAssemblySeconds"] = "2",
            ["Limits:MaxConnectionsPerUser"] = "5",
            ["Limits:SyncRequestBurst"] = "1000",
            ["Limits:SyncRequestsPerMinute"] = "60",
        });
        await _server.CreateProjectAsync("alice", "bounds");
        await _server.AddMemberAsync("alice", "bounds", "vera", "viewer");
        await _server.AddMemberAsync("alice", "bounds", "bob", "editor");
        await _server.AddMemberAsync("alice", "bounds", "carol", "editor");
        await _server.CreateNotebookAsync("alice", "bounds", "nb.ipynb");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_viewer_asking_for_a_large_notebook_300_times_without_reading_is_dropped_and_memory_stays_bounded()
    {
        await using (var alice = await HubDocClient.JoinAsync(_server, TestTokens.For("alice"), "bounds", "nb.ipynb"))
        {
            for (int i = 0; i < 3; i++)
            {
                alice.Edit(doc => NotebookEdits.InsertCodeCell(doc, 0, new string('x', 1_000_000)));
                await alice.FlushAsync();
            }
        }
        var rssBefore = _server.ResidentBytes();

        using var vera = await YSocket.ConnectAsync(_server, TestTokens.For("vera"), "bounds", "nb.ipynb");
        for (int i = 0; i < 300 && vera.Socket.State == WebSocketState.Open; i++)
        {
            try { await vera.SendStep1Async([0]); }
            catch (WebSocketException) { break; }
        }
        await Task.Delay(2_000);
        var growth = _server.ResidentBytes() - rssBefore;

        // Dropped: the socket is aborted once its queue passes the cap (reading now finds it gone).
        Assert.NotNull(await vera.ClosedAsync(TimeSpan.FromSeconds(10)) ?? (WebSocketCloseStatus?)WebSocketCloseStatus.Empty);
        Assert.True(growth < 300L * 1024 * 1024, $"RSS grew by {growth / 1048576} MB (300 full answers would be ~900 MB)");
        await AssertOthersCanEditAsync();
    }

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
