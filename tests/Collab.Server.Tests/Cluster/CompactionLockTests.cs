using Collab.Server.Storage;
using Collab.Server.Storage.Postgres;
using Collab.Server.Tests.Support;
using Npgsql;

namespace Collab.Server.Tests.Cluster;

/// <summary>Only one node compacts a document at a time, and a node that dies holding the lock does not block compaction.</summary>
[Trait("Needs", "Postgres")]
public sealed class CompactionLockTests
{
    private static readonly DocumentKey Key = new("p1", "nb.ipynb");

    [Fact]
    public async Task Compaction_is_skipped_while_another_node_holds_the_lock_and_resumes_when_that_node_dies()
    {
        await using var db = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync("compact_lock"));
        await new PostgresStoreMaintenance(db).EnsureSchemaAsync();
        var store = new PostgresDocumentStore(db);
        var upTo = (await store.AppendAsync(Key, [[1], [2]])).LastSeq;

        // "Another node" mid-compaction: holds the same transaction-scoped lock.
        await using var other = await db.OpenConnectionAsync();
        await using var tx = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2 || '/' || $3)), pg_backend_pid()", other, tx)
        {
            Parameters = { new() { Value = PostgresDocumentStore.CompactLockClass }, new() { Value = Key.ProjectId }, new() { Value = Key.DocName } },
        })
        {
            await take.ExecuteNonQueryAsync();
        }
        Assert.False(await store.CompactAsync(Key, [9], upTo));
        Assert.Equal(2, (await store.LoadAsync(Key)).Log.Count);

        // That node dies: its backend goes, and the lock with it (the timeout makes the call wait
        // until the backend has exited; without it the lock may still be held a moment later).
        await using (var kill = db.CreateCommand($"SELECT pg_terminate_backend({other.ProcessID}, 5000)")) await kill.ExecuteNonQueryAsync();
        Assert.True(await store.CompactAsync(Key, [9], upTo));
        var loaded = await store.LoadAsync(Key);
        Assert.Equal([9], loaded.Snapshot);
        Assert.Empty(loaded.Log);
    }
}
