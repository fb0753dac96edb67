using Collab.Server.Chat;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>Three nodes, clients spread across them editing one notebook and chatting; one node is SIGKILLed mid-load.</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Collection(ClusterFaultsCollection.Name)]
[Trait("Needs", "Server")]
public sealed class NodeKillTests(ClusterNodes cluster)
{
    private const string Project = "cluster-kill";
    private const string Notebook = "shared.ipynb";

    [Fact]
    public async Task Clients_of_a_killed_node_move_to_the_others_and_nothing_acknowledged_is_lost()
    {
        var nodes = await cluster.StartWithNotebookAsync(Project, Notebook, "bob", "carol", "dave", "erin", "frank");

        var users = new[] { "alice", "bob", "carol", "dave", "erin", "frank" };
        var clients = await Task.WhenAll(users.Select((user, i) => ClusterDocClient.StartAsync(nodes, i % ClusterNodes.Count, user, Project, Notebook, chat: true)));
        try
        {
            var load = ClusterLoad.RunAsync(clients, TimeSpan.FromSeconds(8), TimeSpan.FromMilliseconds(40), chatEvery: 10);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await nodes[1].KillAsync();
            await load;

            Assert.All(clients.Where((_, i) => i % ClusterNodes.Count == 1), c => Assert.True(c.Rejoins > 0, $"{c.Name} never noticed its node died"));
            Assert.All(clients, c => Assert.NotEqual(1, c.NodeIndex));
            await using var reader = await ClusterDocClient.StartAsync(nodes, 2, "alice", Project, Notebook);
            await ClusterLoad.AssertConvergedAsync(clients, reader);

            // Chat: every acknowledged message is in the history, and events crossed nodes (backplane).
            var history = await AllChatAsync(reader);
            var chatAcked = clients.SelectMany(c => c.ChatAcked).ToList();
            Assert.NotEmpty(chatAcked);
            Assert.Empty(chatAcked.Except(history));
            var fromNode2 = clients[2].ChatAcked.ToHashSet();
            Assert.True(await Eventually.HoldsAsync(() => { lock (clients[0].ChatSeen) return clients[0].ChatSeen.Any(fromNode2.Contains); }),
                "a client on node 0 never saw a chat message posted on node 2");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
            await cluster.EnsureRunningAsync();
        }
    }

    private static async Task<HashSet<string>> AllChatAsync(ClusterDocClient reader)
    {
        var bodies = new HashSet<string>();
        long? before = null;
        do
        {
            var page = await reader.InvokeAsync<ChatPage>("GetChatHistory", Project, before, 200);
            foreach (var message in page.Messages) bodies.Add(message.Body);
            before = page.Before;
        } while (before is not null);
        return bodies;
    }
}
