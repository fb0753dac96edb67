using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Tests.Storage;

/// <summary>
/// SQLite writes a snapshot in bounded parts through the writer that commits every append, then
/// switches to it in one small commit: appends go on meanwhile, a half-written snapshot is never
/// read, and files from before the parts open with their snapshots.
/// </summary>
public sealed class SqliteSnapshotPartsTests : IDisposable
{
    private static readonly DocumentKey Big = new("p", "big.ipynb");
    private static readonly DocumentKey Other = new("p", "other.ipynb");

    private readonly string _directory = Directory.CreateTempSubdirectory("collab-sqlite-parts-").FullName;
    private string DatabasePath => Path.Combine(_directory, "collab.db");

    [Fact]
    public async Task Another_rooms_appends_are_acknowledged_while_a_ten_megabyte_snapshot_is_written()
    {
        var db = new SqliteDatabase(DatabasePath);
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        var store = new SqliteDocumentStore(db);
        // The big document's log as a 10 MB import leaves it: entries of 256 KB.
        for (var i = 0; i < 40; i++) await store.AppendAsync(Big, [Filled(256 << 10, i)]);
        var snapshot = Filled((10 << 20) + 1234, 99);

        var compaction = store.FoldAsync(Big, _ => snapshot);
        var acknowledgedDuring = new List<long>();
        while (!compaction.IsCompleted)
        {
            var range = await store.AppendAsync(Other, [[(byte)(acknowledgedDuring.Count % 256)]]);
            if (!compaction.IsCompleted) acknowledgedDuring.Add(range.LastSeq);
        }
        var fold = await compaction;

        Assert.True(fold.Written);
        // One commit for the whole snapshot would let at most the append queued with it through.
        Assert.True(acknowledgedDuring.Count >= 10, $"only {acknowledgedDuring.Count} appends were acknowledged during the compaction");
        var other = await store.LoadAsync(Other);
        Assert.Equal(Enumerable.Range(1, other.Log.Count).Select(i => (long)i), other.Log.Select(e => e.Seq));
        Assert.Equal(acknowledgedDuring, other.Log.Take(acknowledgedDuring.Count).Select(e => e.Seq));
        var big = await store.LoadAsync(Big);
        Assert.Equal(snapshot, big.Snapshot);
        Assert.Empty(big.Log);
        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await connection.Command("SELECT count(*) FROM doc_updates WHERE doc_name = 'big.ipynb'").ExecuteScalarAsync());
        Assert.Equal((long)(snapshot.Length + SqliteSnapshotWriter.PartBytes - 1) / SqliteSnapshotWriter.PartBytes,
            await connection.Command("SELECT count(*) FROM doc_snapshot_parts").ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_snapshot_cut_off_between_parts_is_never_read_and_the_next_start_removes_its_parts()
    {
        var db = new SqliteDatabase(DatabasePath);
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        var store = new SqliteDocumentStore(db);
        var upTo = (await store.AppendAsync(Big, [[1], [2]])).LastSeq;
        var old = Filled(700 << 10, 1);
        Assert.True(await store.CompactAsync(Big, old, upTo));
        var newUpTo = (await store.AppendAsync(Big, [[3]])).LastSeq;
        var before = await store.LoadAsync(Big);

        // A stop (as at shutdown) between the parts of a 4-part snapshot, on a writer of the test's
        // own: it is held until the first part and the stop are queued behind each other, so the
        // stop comes after the first part and before the third, whatever the scheduler does.
        var writer = new SqliteDocumentWriter(db);
        using var stop = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        var held = writer.WriteAsync(_ => release.Wait(TimeSpan.FromMinutes(1)));
        var compaction = new SqliteSnapshotWriter(writer).WriteAsync(Big, Filled(900 << 10, 2), newUpTo, stop.Token);
        var stopped = writer.WriteAsync(_ =>
        {
            stop.Cancel();
            return true;
        });
        release.Set();
        Assert.True(await held);
        Assert.True(await stopped);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compaction);
        AssertSame(before, await store.LoadAsync(Big));
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            // The current snapshot's 3 parts, and 1 or 2 of the cut-off one's.
            var stored = (long)(await connection.Command("SELECT count(*) FROM doc_snapshot_parts").ExecuteScalarAsync())!;
            Assert.InRange(stored, 3L + 1, 3L + 2);
        }

        SqliteConnection.ClearAllPools();
        var restarted = new SqliteDatabase(DatabasePath);
        await new SqliteStoreMaintenance(restarted).EnsureSchemaAsync();
        var afterRestart = new SqliteDocumentStore(restarted);
        AssertSame(before, await afterRestart.LoadAsync(Big));
        await using (var connection = await restarted.OpenAsync(CancellationToken.None))
        {
            // Only the current snapshot's 3 parts are left.
            Assert.Equal(3L, await connection.Command("SELECT count(*) FROM doc_snapshot_parts").ExecuteScalarAsync());
        }
        var next = (await afterRestart.AppendAsync(Big, [[4]])).LastSeq;
        Assert.Equal(before.Log[^1].Seq + 1, next);
    }

    [Fact]
    public async Task A_file_with_whole_snapshots_opens_with_them_and_compacts_in_parts_after()
    {
        await using (var old = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await old.OpenAsync();
            // The layout before parts: the snapshot one blob in doc_snapshots.
            await old.Command("""
                PRAGMA journal_mode=WAL;
                CREATE TABLE doc_updates (
                    project_id TEXT NOT NULL,
                    doc_name TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (project_id, doc_name, seq)) WITHOUT ROWID;
                CREATE TABLE doc_snapshots (
                    project_id TEXT NOT NULL,
                    doc_name TEXT NOT NULL,
                    upto_seq INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (project_id, doc_name));
                INSERT INTO doc_snapshots VALUES ('p', 'big.ipynb', 2, x'0102'), ('p', 'other.ipynb', 5, x'05');
                INSERT INTO doc_updates VALUES ('p', 'big.ipynb', 3, x'03'), ('p', 'other.ipynb', 6, x'06');
                """).ExecuteNonQueryAsync();
        }

        var db = new SqliteDatabase(DatabasePath);
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync(); // a second start leaves it alone
        var store = new SqliteDocumentStore(db);

        var big = await store.LoadAsync(Big);
        Assert.Equal([1, 2], big.Snapshot);
        Assert.Equal(2, big.SnapshotSeq);
        Assert.Equal([3L], big.Log.Select(e => e.Seq));
        var other = await store.LoadAsync(Other);
        Assert.Equal([5], other.Snapshot);
        Assert.Equal([[6]], other.Log.Select(e => e.Update));
        Assert.Null((await store.LoadAsync(Other, afterSeq: 5)).Snapshot);

        var snapshot = Filled(600 << 10, 3);
        Assert.True(await store.CompactAsync(Big, snapshot, 3));
        Assert.Equal(snapshot, (await store.LoadAsync(Big)).Snapshot);
        Assert.Equal(new AppendedRange(3, 4), await store.AppendAsync(Big, [[4]]));
        await using var connection = await db.OpenAsync(CancellationToken.None);
        // The replaced one-part snapshot is gone; the other document's stays.
        Assert.Equal(3L + 1, await connection.Command("SELECT count(*) FROM doc_snapshot_parts").ExecuteScalarAsync());
    }

    private static void AssertSame(StoredDocument expected, StoredDocument actual)
    {
        Assert.Equal(expected.Snapshot, actual.Snapshot);
        Assert.Equal(expected.SnapshotSeq, actual.SnapshotSeq);
        Assert.Equal(expected.Log.Select(e => (e.Seq, e.Update)), actual.Log.Select(e => (e.Seq, e.Update)));
    }

    private static byte[] Filled(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
