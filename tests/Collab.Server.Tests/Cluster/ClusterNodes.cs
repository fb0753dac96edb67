using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Cluster;

/// <summary>
/// Three real server processes in clustered mode on one fresh PostgreSQL database and the test
/// Redis, each on its own port of 127.0.0.1. Tests may kill a node; <see cref="EnsureRunningAsync"/>
/// brings it back for the next test.
/// </summary>
public sealed class ClusterNodes : IAsyncLifetime
{
    public const int Count = 3;

    public IReadOnlyList<ServerProcess> Nodes { get; private set; } = [];

    public static Dictionary<string, string> Settings() => new()
    {
        ["Cluster:Mode"] = "Clustered",
        ["Redis:Configuration"] = TestRedis.Configuration,
        ["Rooms:CompactAfterUpdates"] = "150",
        ["Limits:MaxMessageBytes"] = "262144",
        ["Limits:UpdatesPerSecond"] = "100",
        ["Limits:UpdateBurst"] = "100",
        // Resyncs are logged at Information; tests read them as proof that gaps were noticed.
        ["Logging:LogLevel:Collab.Server.Rooms.Room"] = "Information",
    };

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync("cluster");
        Nodes = await Task.WhenAll(Enumerable.Range(0, Count).Select(_ => ServerProcess.StartAsync(database, Settings())));
    }

    public async Task EnsureRunningAsync()
    {
        foreach (var node in Nodes.Where(n => !n.IsRunning)) await node.StartAsync();
    }

    /// <summary>
    /// The start of most cluster tests: every node up, then, through node 0, a project of alice's with
    /// <paramref name="editors"/> as its editors and one notebook. Returns the nodes.
    /// </summary>
    public async Task<IReadOnlyList<ServerProcess>> StartWithNotebookAsync(string project, string notebook, params string[] editors)
    {
        await EnsureRunningAsync();
        await Nodes[0].CreateProjectAsync("alice", project);
        foreach (var user in editors) await Nodes[0].AddMemberAsync("alice", project, user, "editor");
        await Nodes[0].CreateNotebookAsync("alice", project, notebook);
        return Nodes;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
