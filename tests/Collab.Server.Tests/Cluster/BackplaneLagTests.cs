using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>An update published on one node is timed on the node that receives it (<c>collab_redis_lag_seconds</c>, read by CollabRedisLagHigh).</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Collection(ClusterFaultsCollection.Name)]
[Trait("Needs", "Server")]
public sealed class BackplaneLagTests(ClusterNodes cluster)
{
    private const string Project = "cluster-lag";
    private const string Notebook = "nb.ipynb";

    [Fact]
    public async Task The_receiving_node_records_the_backplane_lag_of_updates()
    {
        var nodes = await cluster.StartWithNotebookAsync(Project, Notebook);
        await using var listener = await HubDocClient.JoinAsync(nodes[1], TestTokens.For("alice"), Project, Notebook);
        var before = await MetricValue.ReadAsync(nodes[1].HttpUrl, "collab_redis_lag_seconds_count");

        await using var writer = await HubDocClient.JoinAsync(nodes[0], TestTokens.For("alice"), Project, Notebook);
        var recorded = false;
        for (var attempt = 0; attempt < 100 && !recorded; attempt++)
        {
            writer.Edit(doc => doc.GetMap("state").Set("n", attempt));
            await writer.FlushAsync();
            recorded = await MetricValue.ReadAsync(nodes[1].HttpUrl, "collab_redis_lag_seconds_count") > before;
            if (!recorded) await Task.Delay(100);
        }
        Assert.True(recorded, "node 1 recorded no backplane lag for updates made on node 0");
    }
}
