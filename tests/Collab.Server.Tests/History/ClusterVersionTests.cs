using Collab.Server.Tests.Cluster;
using Collab.Server.Tests.Support;
using static Collab.Server.Tests.History.HistoryNotebooks;

namespace Collab.Server.Tests.History;

/// <summary>
/// Three clustered nodes (PostgreSQL, Redis) all have a notebook's room loaded and all see its
/// edits go quiet: every one of them tries to keep a version, exactly one writes each state, and
/// the version names the authors who edited through each node.
/// </summary>
[Trait("Needs", "Postgres")]
[Trait("Needs", "Redis")]
[Trait("Needs", "Cluster")]
[Trait("Needs", "Server")]
public sealed class ClusterVersionTests : IAsyncLifetime
{
    private const string Project = "cluster-history";
    private const string Notebook = "shared.ipynb";
    private readonly string[] _users = ["ana", "ben", "cem"];
    private List<ServerProcess> _nodes = [];

    public async Task InitializeAsync()
    {
        var database = await TestPostgres.CreateDatabaseAsync("cluster_history");
        var settings = ClusterNodes.Settings();
        settings["History:QuietSeconds"] = "1";
        settings["History:MinSpacingSeconds"] = "0";
        settings["Logging:LogLevel:Collab.Server.History.AutoVersioner"] = "Information";
        _nodes = [.. await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartAsync(database, settings)))];
        await _nodes[0].CreateProjectAsync("ana", Project);
        foreach (var user in _users[1..]) await _nodes[0].AddMemberAsync("ana", Project, user, "editor");
        await _nodes[0].CreateNotebookAsync("ana", Project, Notebook, Ipynb(("a", "start")));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
    }

    [Fact]
    public async Task Each_state_is_kept_by_one_node_with_the_authors_from_every_node()
    {
        var clients = new List<HubDocClient>();
        for (var i = 0; i < 3; i++) clients.Add(await HubDocClient.JoinAsync(_nodes[i], TestTokens.For(_users[i]), Project, Notebook));
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                var text = $"[{_users[i]}:{round}]";
                clients[i].Edit(doc => NotebookEdits.Source(doc, 0).Insert(0, text));
            }
        }
        foreach (var client in clients) await client.FlushAsync();

        const string Kept = "Kept version";
        const string AlreadyKept = "is already kept";
        Assert.True(await Eventually.HoldsAsync(() => _nodes.All(n => n.Log.Contains(Kept) || n.Log.Contains(AlreadyKept)), TimeSpan.FromSeconds(60)),
            string.Join("\n----\n", _nodes.Select(n => n.Log)));
        var versions = (await _nodes[1].ListAsync("ana", Project, Notebook)).Select(v => v!.AsObject()).Where(v => (string?)v["kind"] == "auto").ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Count, versions.Select(v => (long)v["seq"]!).Distinct().Count());
        Assert.Contains(_nodes, n => n.Log.Contains(AlreadyKept));
        Assert.Equal(_users, versions.SelectMany(v => v["authors"]!.AsArray().Select(a => (string)a!)).Distinct().Order());
        foreach (var client in clients) await client.DisposeAsync();
    }
}
