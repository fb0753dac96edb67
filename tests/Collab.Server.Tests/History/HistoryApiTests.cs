using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static Collab.Server.Tests.History.HistoryNotebooks;

namespace Collab.Server.Tests.History;

/// <summary>
/// The version API on each storage backend: checkpoints, versions before imports and restores,
/// reading a version as .ipynb, the cell-level diff, restoring the whole notebook or one cell
/// (with the audit entry), who may do what. One in-process server per class, each test in a
/// project of its own on it; that automatic versions name their authors and outlive a SIGKILL is
/// <see cref="HistoryAfterKillTests"/>, on a process.
/// </summary>
public abstract class HistoryApiTests(ClassServer backend) : IAsyncLifetime
{
    private const string Notebook = "lab.ipynb";

    /// <summary>The settings of the class's one server: each test works in a project (and notebook) of its own on it.</summary>
    internal static Dictionary<string, string> Settings => new()
    {
        ["History:QuietSeconds"] = "1",
        ["History:MinSpacingSeconds"] = "0",
    };

    private InProcessServer Server => backend.Server;

    private string Project { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Project = backend.NewId("hist");
        await SeedAsync(Server, Project, Notebook);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_checkpoint_is_listed_read_back_as_ipynb_and_diffed_against_now()
    {
        var v1 = await Server.CheckpointAsync("bob", Project, Notebook, "before the refactor");
        await Server.ImportAsync("bob", Project, Notebook, Ipynb(("c", "# notes"), ("a", "x = 10\ny = 2\n"), ("d", "new()")));

        var versions = await Server.ListAsync("vera", Project, Notebook);
        var checkpoint = versions.Single(v => (long)v!["id"]! == v1)!;
        Assert.Equal(("checkpoint", "before the refactor"), ((string?)checkpoint["kind"], (string?)checkpoint["name"]));
        Assert.Contains("bob", checkpoint["authors"]!.AsArray().Select(a => (string?)a));
        Assert.Contains(versions, v => (string?)v!["kind"] == "before-import");

        using var vera = Server.Client(TestTokens.For("vera"));
        var ipynb = JsonNode.Parse(await vera.GetStringAsync($"{VersionsPath(Project, Notebook)}/{v1}"))!.AsObject();
        Assert.Equal([("a", "x = 1\ny = 2\n"), ("b", "print(x)"), ("c", "# notes")], Cells(ipynb));

        var diff = (await vera.GetFromJsonAsync<JsonObject>($"{VersionsPath(Project, Notebook)}/{v1}/diff?against=now"))!;
        var cells = diff["cells"]!.AsArray().ToDictionary(c => (string)c!["cellId"]!, c => c!.AsObject());
        Assert.Equal("removed", (string?)cells["b"]["change"]);
        Assert.Equal("added", (string?)cells["d"]["change"]);
        Assert.Equal("changed", (string?)cells["a"]["change"]);
        Assert.Contains("-x = 1\n+x = 10", (string?)cells["a"]["sourceDiff"]);
        Assert.False((bool)cells["a"]["outputsChanged"]!);
        // a and c swapped places: one of them is out of the order both share.
        Assert.True((bool)cells["a"]["moved"]! ^ (bool)(cells.GetValueOrDefault("c")?["moved"] ?? false));
    }

    [Fact]
    public async Task A_whole_restore_brings_the_version_back_as_a_forward_change_kept_and_audited()
    {
        var v1 = await Server.CheckpointAsync("bob", Project, Notebook, "good");
        await Server.ImportAsync("bob", Project, Notebook, Ipynb(("d", "oops"), ("a", "broken")));

        using var bob = Server.Client(TestTokens.For("bob"));
        using var response = await bob.PostAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("before-restore", (string?)result["before"]!["kind"]);
        Assert.Equal("restore", (string?)result["restored"]!["kind"]);
        Assert.Equal([("a", "x = 1\ny = 2\n"), ("b", "print(x)"), ("c", "# notes")], Cells(await Server.ExportAsync("vera", Project, Notebook)));
        // The state from before the restore is itself restorable.
        var before = JsonNode.Parse(await bob.GetStringAsync($"{VersionsPath(Project, Notebook)}/{(long)result["before"]!["id"]!}"))!.AsObject();
        Assert.Equal([("d", "oops"), ("a", "broken")], Cells(before));
        using var alice = Server.Client(TestTokens.For("alice"));
        var audit = (await alice.GetFromJsonAsync<JsonArray>($"/api/projects/{Project}/audit"))!;
        Assert.Contains(audit, e => (string?)e!["action"] == "notebook.restore" && (string?)e["actor"] == "bob" && (string?)e["detail"] == $"version {v1}");
    }

    [Fact]
    public async Task A_single_cell_restore_changes_that_cell_only()
    {
        var v1 = await Server.CheckpointAsync("bob", Project, Notebook, "good");
        await Server.ImportAsync("bob", Project, Notebook, Ipynb(("a", "changed a"), ("c", "changed c")));

        using var bob = Server.Client(TestTokens.For("bob"));
        (await bob.PostAsJsonAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", new { cellId = "a" })).EnsureSuccessStatusCode();
        Assert.Equal([("a", "x = 1\ny = 2\n"), ("c", "changed c")], Cells(await Server.ExportAsync("vera", Project, Notebook)));

        // A deleted cell comes back after the nearest cell that preceded it in the version.
        (await bob.PostAsJsonAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", new { cellId = "b" })).EnsureSuccessStatusCode();
        Assert.Equal([("a", "x = 1\ny = 2\n"), ("b", "print(x)"), ("c", "changed c")], Cells(await Server.ExportAsync("vera", Project, Notebook)));

        using var missing = await bob.PostAsJsonAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", new { cellId = "zz" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", (string?)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task Viewers_may_look_but_not_restore_or_checkpoint_and_owners_can_keep_restore_to_themselves()
    {
        var v1 = await Server.CheckpointAsync("bob", Project, Notebook, "good");
        using var vera = Server.Client(TestTokens.For("vera"));
        using var restore = await vera.PostAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", null);
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.Equal("forbidden", (string?)JsonNode.Parse(await restore.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await vera.PostAsJsonAsync(VersionsPath(Project, Notebook), new { name = "x" })).StatusCode);

        using var bob = Server.Client(TestTokens.For("bob"));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await bob.PutAsJsonAsync($"/api/projects/{Project}/history/settings", new { ownersOnlyRestore = true })).StatusCode);
        using var alice = Server.Client(TestTokens.For("alice"));
        (await alice.PutAsJsonAsync($"/api/projects/{Project}/history/settings", new { ownersOnlyRestore = true })).EnsureSuccessStatusCode();
        using var refused = await bob.PostAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("forbidden", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(HttpStatusCode.OK, (await alice.PostAsync($"{VersionsPath(Project, Notebook)}/{v1}/restore", null)).StatusCode);
    }

    [Fact]
    public async Task The_hub_offers_the_same_operations_with_the_same_refusals()
    {
        var v1 = await Server.CheckpointAsync("bob", Project, Notebook, "good");
        await Server.ImportAsync("bob", Project, Notebook, Ipynb(("a", "changed")));
        await using var vera = HubDocClient.Connect(Server, TestTokens.For("vera"), messagePack: false);
        await vera.StartAsync();
        var listed = await vera.InvokeAsync<JsonArray>("ListVersions", Project, Notebook, null, null);
        Assert.Contains(listed, v => (long)v!["id"]! == v1);
        var diff = await vera.InvokeAsync<JsonObject>("DiffVersion", Project, Notebook, v1, "now");
        Assert.Contains(diff["cells"]!.AsArray(), c => (string?)c!["cellId"] == "b" && (string?)c["change"] == "removed");
        var refused = await Assert.ThrowsAsync<HubException>(() => vera.InvokeAsync<JsonObject>("RestoreVersion", Project, Notebook, v1, null));
        Assert.Contains("[forbidden]", refused.Message);

        await using var bob = HubDocClient.Connect(Server, TestTokens.For("bob"), messagePack: false);
        await bob.StartAsync();
        await bob.InvokeAsync<JsonObject>("RestoreVersion", Project, Notebook, v1, "b");
        Assert.Equal([("a", "changed"), ("b", "print(x)")], Cells(await Server.ExportAsync("vera", Project, Notebook)));
        var checkpoint = await bob.InvokeAsync<JsonObject>("SaveCheckpoint", Project, Notebook, "from the hub");
        Assert.Equal("checkpoint", (string?)checkpoint["kind"]);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_their_codes()
    {
        using var bob = Server.Client(TestTokens.For("bob"));
        using var unnamed = await bob.PostAsJsonAsync(VersionsPath(Project, Notebook), new { name = " " });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal("invalid", (string?)JsonNode.Parse(await unnamed.Content.ReadAsStringAsync())!["code"]);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"{VersionsPath(Project, Notebook)}/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(VersionsPath(Project, "missing.ipynb"))).StatusCode);
        var v1 = await Server.CheckpointAsync("bob", Project, Notebook, "x");
        Assert.Equal(HttpStatusCode.BadRequest, (await bob.GetAsync($"{VersionsPath(Project, Notebook)}/{v1}/diff?against=yesterday")).StatusCode);
    }
}

[Trait("Needs", "Server")]
public sealed class SqliteHistoryApiTests(SqliteHistoryApiTests.Backend backend) : HistoryApiTests(backend), IClassFixture<SqliteHistoryApiTests.Backend>
{
    public sealed class Backend() : ClassServer(Settings);
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class PostgresHistoryApiTests(PostgresHistoryApiTests.Backend backend) : HistoryApiTests(backend), IClassFixture<PostgresHistoryApiTests.Backend>
{
    public sealed class Backend() : ClassServer(async () => InProcessServer.On(await TestPostgres.CreateDatabaseAsync("history_api"), Settings));
}
