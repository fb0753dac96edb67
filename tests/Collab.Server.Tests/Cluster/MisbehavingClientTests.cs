using System.Net.WebSockets;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collab.Server.Tests.Cluster;

/// <summary>Malformed, oversized, too fast and wrong-role clients during load on the cluster: refused, and nobody else notices.</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Collection(ClusterFaultsCollection.Name)]
[Trait("Needs", "Server")]
public sealed class MisbehavingClientTests(ClusterNodes cluster)
{
    private const string Project = "cluster-abuse";
    private const string Notebook = "shared.ipynb";

    [Fact]
    public async Task Bad_clients_are_refused_while_the_others_keep_editing_undisturbed()
    {
        var nodes = await cluster.StartWithNotebookAsync(Project, Notebook, "bob", "carol", "mallory");
        await nodes[0].AddMemberAsync("alice", Project, "vera", "viewer");

        var clients = await Task.WhenAll(new[] { "alice", "bob", "carol" }.Select((user, i) => ClusterDocClient.StartAsync(nodes, i, user, Project, Notebook)));
        await using var mallory = await ClusterDocClient.StartAsync(nodes, 1, "mallory", Project, Notebook);
        await using var vera = await ClusterDocClient.StartAsync(nodes, 2, "vera", Project, Notebook);
        try
        {
            var load = ClusterLoad.RunAsync(clients, TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(40));

            var malformed = await Assert.ThrowsAsync<HubException>(() => mallory.InvokeAsync<object>("SendUpdate", Project, Notebook, new byte[] { 1, 5, 0xff, 0xff, 0xff }));
            Assert.Contains("Malformed", malformed.Message);
            var oversized = await Assert.ThrowsAsync<HubException>(() => mallory.InvokeAsync<object>("SendUpdate", Project, Notebook, new byte[300_000]));
            Assert.Contains("Limits:MaxMessageBytes", oversized.Message);
            var flood = await Task.WhenAll(Enumerable.Range(0, 300).Select(async _ =>
            {
                try { await mallory.InvokeAsync<object>("SendUpdate", Project, Notebook, new byte[] { 0, 0 }); return ""; }
                catch (HubException ex) { return ex.Message; }
            }));
            Assert.Contains(flood, m => m.Contains("Rate limit"));
            var viewer = await Assert.ThrowsAsync<HubException>(() => vera.EditAsync("vera#0").ContinueWith(_ => throw new HubException(vera.Errors.FirstOrDefault() ?? "accepted")));
            Assert.Contains("viewers cannot", viewer.Message);
            await SendGarbageOverYWebSocketAsync(nodes[0]);

            await load;
            Assert.All(clients, c => Assert.Empty(c.Errors));
            await ClusterLoad.AssertConvergedAsync(clients, clients[0]);
            Assert.DoesNotContain("vera#0", clients[0].Tokens());
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }

    /// <summary>A malformed y-websocket frame gets a permission-denied reply and the connection stays usable.</summary>
    private static async Task SendGarbageOverYWebSocketAsync(ServerProcess node)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"{node.WsUrl}/yjs/{Project}/{Notebook}?access_token={TestTokens.For("mallory")}"), CancellationToken.None);
        await socket.SendAsync(new byte[] { 0, 2, 9, 0xff, 0xff }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            if (buffer[0] == 2) return; // y-protocols auth: permission denied, with the reason
        }
    }
}
