using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;
using Collab.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Tests.Storage;

/// <summary>
/// SQLite's one writer commits appends (acknowledged edits) ahead of snapshot steps: an append
/// queued behind snapshot steps is committed before them, never in a commit with one, and only an
/// append that arrives while a step is being written waits for it (and is counted).
/// </summary>
public sealed class SqliteAppendPriorityTests : IDisposable
{
    private static readonly DocumentKey Edited = new("p", "edited.ipynb");

    private readonly TestSqlite _file = new("append-priority");

    [Fact]
    public async Task An_append_queued_behind_snapshot_steps_commits_before_them()
    {
        await new SqliteStoreMaintenance(_file.Database).EnsureSchemaAsync();
        var writer = new SqliteDocumentWriter(_file.Database);
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // A step the writer is in the middle of, then three more queued behind it, as when several
        // rooms' snapshots are being written; then an edit's append.
        var held = writer.WriteAsync(_ =>
        {
            running.Set();
            return release.Wait(TimeSpan.FromMinutes(1));
        });
        Assert.True(running.Wait(TimeSpan.FromMinutes(1)));
        var steps = Enumerable.Range(0, 3).Select(_ => writer.WriteAsync(tx => LogRows(tx, Edited))).ToList();
        var append = writer.AppendAsync(Edited, [[1, 2, 3]]);
        release.Set();

        Assert.True(await held);
        Assert.Equal(new AppendedRange(0, 1), await append);
        // Each queued step, run in order after the append, already sees its row committed.
        var seen = await Task.WhenAll(steps);
        Assert.Equal([1L, 1L, 1L], seen);
        // The one step it waited for was the one being written when it came.
        Assert.Equal(1, writer.AppendsBehindSteps);
    }

    private static long LogRows(SqliteTransaction tx, DocumentKey key)
    {
        using var count = tx.Command("SELECT count(*) FROM doc_updates WHERE project_id = $p AND doc_name = $d",
            ("$p", key.ProjectId), ("$d", key.DocName));
        return (long)count.ExecuteScalar()!;
    }

    public void Dispose() => _file.Dispose();
}
