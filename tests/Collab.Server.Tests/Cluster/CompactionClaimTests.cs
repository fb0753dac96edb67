using Collab.Crdt;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Collab.Server.Storage.Postgres;
using Collab.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Collab.Server.Tests.Cluster;

/// <summary>
/// Two replicas on one PostgreSQL database (each its own connection pool) whose rooms ask to
/// compact the same document together: exactly one writes the snapshot, and the other leaves
/// without reading or folding the document.
/// </summary>
[Trait("Needs", "Postgres")]
public sealed class CompactionClaimTests
{
    private static readonly DocumentKey Key = new("p1", "nb.ipynb");

    [Fact]
    public async Task A_replica_asking_while_another_folds_returns_busy_without_reading_the_document()
    {
        var cs = await TestPostgres.CreateDatabaseAsync("compact_claim");
        await using var dbA = NpgsqlDataSource.Create(cs);
        await using var dbB = NpgsqlDataSource.Create(cs);
        await new PostgresStoreMaintenance(dbA).EnsureSchemaAsync();
        var (replicaA, replicaB) = (new PostgresDocumentStore(dbA), new PostgresDocumentStore(dbB));
        await replicaA.AppendAsync(Key, [[1], [2], [3]]);

        var folding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var foldA = Task.Run(() => replicaA.FoldAsync(Key, stored =>
        {
            folding.SetResult();
            release.Wait(); // replica A is mid-fold, holding the claim
            return [.. stored.Log.SelectMany(e => e.Update)];
        }));
        await folding.Task;

        var bFolded = false;
        var resultB = await replicaB.FoldAsync(Key, _ => { bFolded = true; return [9]; });
        Assert.Same(SnapshotFold.Busy, resultB);
        Assert.False(bFolded);

        release.Set();
        Assert.Equal(new SnapshotFold(true, true, 3, 3), await foldA);
        var loaded = await replicaB.LoadAsync(Key);
        Assert.Equal([1, 2, 3], loaded.Snapshot);
        Assert.Empty(loaded.Log);
    }

    [Fact]
    public async Task Of_two_replicas_compacting_the_same_document_together_exactly_one_writes_it()
    {
        var cs = await TestPostgres.CreateDatabaseAsync("compact_two");
        await using var dbA = NpgsqlDataSource.Create(cs);
        await using var dbB = NpgsqlDataSource.Create(cs);
        await new PostgresStoreMaintenance(dbA).EnsureSchemaAsync();
        var (storeA, storeB) = (new PostgresDocumentStore(dbA), new PostgresDocumentStore(dbB));
        var updates = Edits(20);
        await storeA.AppendAsync(Key, updates);

        var limits = Options.Create(new LimitOptions());
        using var compactorA = new Compactor(storeA, limits, NullLogger<Compactor>.Instance);
        using var compactorB = new Compactor(storeB, limits, NullLogger<Compactor>.Instance);
        await compactorA.StartAsync(CancellationToken.None);
        await compactorB.StartAsync(CancellationToken.None);
        var outcomes = await Task.WhenAll(new[] { compactorA, compactorB }.Select(compactor =>
        {
            var done = new TaskCompletionSource<CompactionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            compactor.Enqueue(new CompactionJob(Key, 10, done.SetResult));
            return done.Task;
        }));
        await compactorA.StopAsync(CancellationToken.None);
        await compactorB.StopAsync(CancellationToken.None);

        Assert.Single(outcomes, o => o.Written);
        var loaded = await storeB.LoadAsync(Key);
        Assert.Empty(loaded.Log);
        var doc = new Doc();
        doc.ApplyUpdate(loaded.Snapshot!);
        Assert.Equal(20, doc.GetMap("meta").Count);
    }

    private static List<byte[]> Edits(int count)
    {
        var doc = new Doc();
        var updates = new List<byte[]>();
        doc.UpdateV1 += (_, e) => updates.Add(e.Update);
        for (var i = 0; i < count; i++) doc.GetMap("meta").Set($"k{i}", $"v{i}");
        return updates;
    }
}
