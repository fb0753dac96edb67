using System.Text.Json.Nodes;
using Collab.Server.Tests.Support;
using static Collab.Server.Tests.History.HistoryNotebooks;

namespace Collab.Server.Tests.History;

/// <summary>
/// On each storage backend, edits get an automatic version naming their authors once the notebook
/// is quiet, and it (with a named checkpoint) outlives a SIGKILL. A server process: the test kills
/// it; the rest of the version API is <see cref="HistoryApiTests"/>, in process.
/// </summary>
public abstract class HistoryAfterKillTests : IAsyncLifetime
{
    private const string Project = "hist";
    private const string Notebook = "lab.ipynb";
    private ServerProcess _server = null!;

    protected abstract Task<string?> PostgresAsync();

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(await PostgresAsync(), new Dictionary<string, string>
        {
            ["History:QuietSeconds"] = "1",
            ["History:MinSpacingSeconds"] = "0",
        });
        await SeedAsync(_server, Project, Notebook);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Edits_get_an_automatic_version_naming_their_authors_once_the_notebook_is_quiet_and_it_survives_a_SIGKILL()
    {
        await using (var bob = await HubDocClient.JoinAsync(_server, TestTokens.For("bob"), Project, Notebook))
        {
            bob.Edit(doc => NotebookEdits.Source(doc, 0).Insert(0, "# bob was here\n"));
            await bob.FlushAsync();
        }

        JsonObject? auto = null;
        Assert.True(await Eventually.HoldsAsync(() =>
        {
            auto = _server.ListAsync("vera", Project, Notebook).GetAwaiter().GetResult()
                .Select(v => v!.AsObject()).FirstOrDefault(v => (string?)v["kind"] == "auto");
            return auto is not null;
        }, TimeSpan.FromSeconds(30)));
        Assert.Equal(["bob"], auto!["authors"]!.AsArray().Select(a => (string?)a));

        var checkpoint = await _server.CheckpointAsync("alice", Project, Notebook, "right before the crash");
        await _server.KillAsync();
        await _server.StartAsync();

        var ids = (await _server.ListAsync("vera", Project, Notebook)).Select(v => (long)v!["id"]!).ToList();
        Assert.Contains((long)auto["id"]!, ids);
        Assert.Contains(checkpoint, ids);
        using var vera = _server.Client(TestTokens.For("vera"));
        var kept = JsonNode.Parse(await vera.GetStringAsync($"{VersionsPath(Project, Notebook)}/{(long)auto["id"]!}"))!.AsObject();
        Assert.StartsWith("# bob was here\n", Cells(kept)[0].Source);
    }
}

[Trait("Needs", "Server")]
public sealed class SqliteHistoryAfterKillTests : HistoryAfterKillTests
{
    protected override Task<string?> PostgresAsync() => Task.FromResult<string?>(null);
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class PostgresHistoryAfterKillTests : HistoryAfterKillTests
{
    protected override async Task<string?> PostgresAsync() => await TestPostgres.CreateDatabaseAsync("history_kill");
}
