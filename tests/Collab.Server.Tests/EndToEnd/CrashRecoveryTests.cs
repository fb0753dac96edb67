using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.EndToEnd;

/// <summary>SIGKILL mid-edit (with compaction running on a low threshold), restart, and count.</summary>
public abstract class CrashRecoveryTests : IAsyncLifetime
{
    private const string Project = "crash";
    private const string Notebook = "log.ipynb";
    private ServerProcess _server = null!;

    protected abstract Task<string?> PostgresAsync();

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(await PostgresAsync(), new Dictionary<string, string> { ["Rooms:CompactAfterUpdates"] = "40" });
        await _server.CreateProjectAsync("alice", Project);
        await _server.CreateNotebookAsync("alice", Project, Notebook);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_update_survives_SIGKILL_and_restart()
    {
        var token = TestTokens.For("alice");
        await using (var client = await HubDocClient.JoinAsync(_server, token, Project, Notebook, messagePack: true))
        {
            client.Edit(doc => NotebookEdits.InsertCodeCell(doc, 0, ""));
            await client.FlushAsync();
            var text = client.Read(doc => NotebookEdits.Source(doc, 0));
            for (var i = 0; i < 300; i++)
            {
                var index = i;
                client.Edit(doc => text.Insert(text.Length, $"<{index}>"));
                if (i % 50 == 49 && i < 250) await client.FlushAsync();
            }
            // Kill while the last updates are still in flight: only the acknowledged ones count.
            await Task.Delay(5);
            var acked = Enumerable.Range(0, 250).ToList();
            await _server.KillAsync();
            await _server.StartAsync();

            await using var reader = await HubDocClient.JoinAsync(_server, token, Project, Notebook);
            var recovered = reader.Read(doc => NotebookEdits.Source(doc, 0).ToString());
            foreach (var i in acked) Assert.Contains($"<{i}>", recovered);
        }
    }
}

[Trait("Needs", "Server")]
public sealed class SqliteCrashRecoveryTests : CrashRecoveryTests
{
    protected override Task<string?> PostgresAsync() => Task.FromResult<string?>(null);
}

[Trait("Needs", "Postgres")]
[Trait("Needs", "Server")]
public sealed class PostgresCrashRecoveryTests : CrashRecoveryTests
{
    protected override async Task<string?> PostgresAsync() => await TestPostgres.CreateDatabaseAsync("e2e_crash");
}
