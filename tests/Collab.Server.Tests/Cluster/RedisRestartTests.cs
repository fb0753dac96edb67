using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>Redis dies mid-load and comes back: nodes reconnect, notice what they missed, resync from the store.</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Collection(ClusterFaultsCollection.Name)]
[Trait("Needs", "Server")]
public sealed class RedisRestartTests(ClusterNodes cluster)
{
    private const string Project = "cluster-redis";
    private const string Notebook = "shared.ipynb";

    [Fact]
    public async Task Nodes_resync_after_a_Redis_restart_and_converge_without_losing_acknowledged_updates()
    {
        var nodes = await cluster.StartWithNotebookAsync(Project, Notebook, "bob", "carol");

        var clients = await Task.WhenAll(new[] { "alice", "bob", "carol" }.Select((user, i) => ClusterDocClient.StartAsync(nodes, i, user, Project, Notebook)));
        try
        {
            var load = ClusterLoad.RunAsync(clients, TimeSpan.FromSeconds(8), TimeSpan.FromMilliseconds(30));
            await Task.Delay(TimeSpan.FromSeconds(2));
            await TestRedis.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await TestRedis.StartAsync();
            await load;

            Assert.All(clients, c => Assert.Empty(c.Errors)); // Redis is not on the ack path
            await using var reader = await ClusterDocClient.StartAsync(nodes, 0, "alice", Project, Notebook);
            await ClusterLoad.AssertConvergedAsync(clients, reader);
            Assert.True(nodes.Count(n => n.Log.Contains("Resynced")) >= 2, "the nodes did not report resyncing after Redis came back");
            // ... and counted them, as the CollabRedisGaps alert and the dashboard read them.
            var counted = await Task.WhenAll(nodes.Select(n => MetricValue.ReadAsync(n.HttpUrl, "collab_rooms_resyncs_total")));
            Assert.True(counted.Count(c => c > 0) >= 2, $"resyncs counted per node: {string.Join(", ", counted)}");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }
}
