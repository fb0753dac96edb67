using System.Collections.Concurrent;
using System.Diagnostics;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>PostgreSQL stops briefly mid-load: nothing is acknowledged while it is away, and the service recovers by itself.</summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Collection(ClusterFaultsCollection.Name)]
[Trait("Needs", "Server")]
public sealed class PostgresOutageTests(ClusterNodes cluster)
{
    private const string Project = "cluster-pg";
    private const string Notebook = "shared.ipynb";

    [Fact]
    public async Task Updates_are_refused_with_a_retryable_error_while_the_database_is_down_and_flow_again_after()
    {
        var nodes = await cluster.StartWithNotebookAsync(Project, Notebook, "bob");
        await using var alice = await ClusterDocClient.StartAsync(nodes, 0, "alice", Project, Notebook);
        await using var bob = await ClusterDocClient.StartAsync(nodes, 1, "bob", Project, Notebook);

        var clock = Stopwatch.StartNew();
        var acks = new ConcurrentBag<(string Token, TimeSpan Sent, TimeSpan Acked)>();
        var outage = (Start: TimeSpan.MaxValue, Restarting: TimeSpan.MaxValue, End: TimeSpan.MaxValue);
        var load = Task.WhenAll(new[] { alice, bob }.Select(async client =>
        {
            for (var n = 0; clock.Elapsed < TimeSpan.FromSeconds(10); n++)
            {
                var token = $"{client.Name}#{n}";
                var sent = clock.Elapsed;
                await client.EditAsync(token); // recovers (rejoins) by itself once the database is back
                lock (client.Doc) if (client.Acked.Contains(token)) acks.Add((token, sent, clock.Elapsed));
                await Task.Delay(40);
            }
        }));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await TestPostgresControl.StopAsync();
        outage.Start = clock.Elapsed;
        using (var http = new HttpClient())
        {
            Assert.False((await http.GetAsync($"{nodes[0].HttpUrl}/readyz")).IsSuccessStatusCode, "/readyz said ready without a database");
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        // The database accepts connections before the start command returns: from here on, acks may come.
        outage.Restarting = clock.Elapsed;
        await TestPostgresControl.StartAsync();
        outage.End = clock.Elapsed;
        await load;

        // Sent after the database went away and acknowledged before it was started again: impossible.
        Assert.DoesNotContain(acks, a => a.Sent > outage.Start && a.Acked < outage.Restarting);
        var errors = alice.Errors.Concat(bob.Errors).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors.Where(e => e.StartsWith("HubException")), e => Assert.Matches("try again|join again|JoinRoom again", e));
        Assert.True(alice.Rejoins > 0 && bob.Rejoins > 0);
        Assert.Contains(acks, a => a.Sent > outage.End); // recovered by itself

        await using var reader = await ClusterDocClient.StartAsync(nodes, 2, "alice", Project, Notebook);
        await ClusterLoad.AssertConvergedAsync([alice, bob], reader);
    }
}
