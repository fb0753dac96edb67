using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// The one writer of document updates and snapshots (group commit). SQLite has one write lock per
/// file, so appends from many rooms would otherwise queue for it one commit at a time, and a
/// compaction on its own connection would make appends wait in SQLite's busy handler (a sleep of a
/// millisecond or more each time). A single loop owns one long-lived connection with prepared
/// statements, takes every write queued while the previous commit ran, runs them in order in one
/// transaction and only then completes their tasks: each write is durable when its task
/// completes, and writes to one document keep their order.
/// WAL checkpoints: SQLite's automatic checkpoint copies the whole WAL inside a commit, stalling
/// every queued append meanwhile, so it is off. A passive checkpoint on another connection copies
/// the bulk beside the writer every <see cref="CommitsPerCheckpoint"/> commits. Under constant
/// writes it never reaches the WAL's end, and SQLite starts the WAL over only once every frame is
/// copied, so the file would grow without bound (gigabytes within minutes under load): once the WAL
/// holds <see cref="SqliteDatabase.MaxWalBytes"/>, the writer itself copies the frames appended
/// since the last side checkpoint, between two commits (a pause of milliseconds), and its next
/// commit starts the WAL over.
/// Snapshots go through here in bounded parts (<see cref="SqliteSnapshotWriter"/>), each its own
/// write: one commit never carries more than one part besides the appends queued with it.
/// </summary>
internal sealed class SqliteDocumentWriter
{
    private const int MaxWritesPerCommit = 512;
    private const int CommitsPerCheckpoint = 200;

    private readonly SqliteDatabase _db;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly List<PendingWrite> _batch = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _head;
    private SqliteCommand? _insert;
    private SqliteTransaction? _transaction;
    private int _commitsSinceCheckpoint;
    private Task<long> _checkpoint = Task.FromResult(0L);
    private long _finishAtWalFrames = long.MaxValue;

    public SqliteDocumentWriter(SqliteDatabase db)
    {
        _db = db;
        // Its own thread: every SQLite call blocks (Microsoft.Data.Sqlite's async methods run
        // synchronously), and commits holding pool threads starve the pool on a small machine.
        new Thread(Run) { IsBackground = true, Name = "Collab SQLite writer" }.Start();
    }

    public Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates) =>
        Enqueue(new PendingWrite<AppendedRange>(w => w.Append(key, updates)));

    /// <summary>Runs <paramref name="write"/> in the next shared transaction; its result once that commits.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write) =>
        Enqueue(new PendingWrite<T>(w => write(w._transaction!)));

    private Task<T> Enqueue<T>(PendingWrite<T> write)
    {
        _queue.Writer.TryWrite(write);
        return write.Completion;
    }

    private void Run()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (_batch.Count < MaxWritesPerCommit && reader.TryRead(out var pending)) _batch.Add(pending);
            try
            {
                EnsureConnection();
                Commit(_batch);
                foreach (var write in _batch) write.Complete();
            }
            catch (Exception) when (_batch.Count > 1)
            {
                // One bad write must not fail the others: retry each in its own transaction.
                foreach (var write in _batch) CommitAlone(write);
            }
            catch (Exception ex)
            {
                _batch[0].Fail(ex);
                ResetConnection();
            }
            _batch.Clear();
            if (_connection is not null) MaintainWal();
        }
    }

    private void CommitAlone(PendingWrite write)
    {
        try
        {
            ResetConnection();
            EnsureConnection();
            Commit([write]);
            write.Complete();
        }
        catch (Exception ex)
        {
            write.Fail(ex);
        }
    }

    private void Commit(IReadOnlyList<PendingWrite> batch)
    {
        using var tx = _connection!.BeginTransaction();
        _transaction = tx;
        try
        {
            _head!.Transaction = tx;
            _insert!.Transaction = tx;
            foreach (var write in batch) write.Execute(this);
            tx.Commit();
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>Between commits, once the last one's writes are completed.</summary>
    private void MaintainWal()
    {
        if (!_checkpoint.IsCompleted) return;
        if (_checkpoint.Result >= _finishAtWalFrames)
        {
            _checkpoint = Task.FromResult(0L);
            FinishCheckpoint();
        }
        else if (++_commitsSinceCheckpoint >= CommitsPerCheckpoint)
        {
            _commitsSinceCheckpoint = 0;
            _checkpoint = Task.Factory.StartNew(Checkpoint, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>Copies what the last side checkpoint left; the next commit then starts the WAL over.</summary>
    private void FinishCheckpoint()
    {
        try
        {
            using var checkpoint = _connection!.Command("PRAGMA wal_checkpoint(PASSIVE)");
            checkpoint.ExecuteNonQuery();
        }
        catch (Exception)
        {
            // Only disk use is at stake (a reader's snapshot can pin the WAL): the next round retries.
        }
    }

    /// <summary>A passive checkpoint beside the writer; returns the frames in the WAL (0 if it failed).</summary>
    private long Checkpoint()
    {
        try
        {
            using var connection = _db.Open();
            using var checkpoint = connection.Command("PRAGMA wal_checkpoint(PASSIVE)");
            using var result = checkpoint.ExecuteReader();
            return result.Read() ? result.GetInt64(1) : 0;
        }
        catch (Exception)
        {
            return 0; // busy or gone: the next round, CommitsPerCheckpoint commits on, tries again
        }
    }

    private AppendedRange Append(DocumentKey key, IReadOnlyList<byte[]> updates)
    {
        Bind(_head!, key);
        var previous = (long)_head!.ExecuteScalar()!;
        var seq = previous;
        Bind(_insert!, key);
        foreach (var update in updates)
        {
            _insert!.Parameters["$s"].Value = ++seq;
            _insert.Parameters["$u"].Value = update;
            _insert.ExecuteNonQuery();
        }
        return new AppendedRange(previous, seq);
    }

    private static void Bind(SqliteCommand command, DocumentKey key)
    {
        command.Parameters["$p"].Value = key.ProjectId;
        command.Parameters["$d"].Value = key.DocName;
    }

    private void EnsureConnection()
    {
        if (_connection is not null) return;
        _connection = _db.Open();
        using (var noAutoCheckpoint = _connection.Command("PRAGMA wal_autocheckpoint=0"))
        {
            noAutoCheckpoint.ExecuteNonQuery();
        }
        using (var pageSize = _connection.Command("PRAGMA page_size"))
        {
            _finishAtWalFrames = _db.MaxWalBytes / (long)pageSize.ExecuteScalar()!;
        }
        _head = _connection.Command("""
            SELECT max(
                COALESCE((SELECT max(seq) FROM doc_updates WHERE project_id = $p AND doc_name = $d), 0),
                COALESCE((SELECT upto_seq FROM doc_snapshots WHERE project_id = $p AND doc_name = $d), 0))
            """, ("$p", ""), ("$d", ""));
        _insert = _connection.Command(
            "INSERT INTO doc_updates (project_id, doc_name, seq, data) VALUES ($p, $d, $s, $u)",
            ("$p", ""), ("$d", ""), ("$s", 0L), ("$u", Array.Empty<byte>()));
        _head.Prepare();
        _insert.Prepare();
    }

    private void ResetConnection()
    {
        _head?.Dispose();
        _insert?.Dispose();
        _connection?.Dispose();
        (_head, _insert, _connection) = (null, null, null);
    }

    private abstract class PendingWrite
    {
        /// <summary>Runs inside the shared transaction; the result is kept until the commit.</summary>
        public abstract void Execute(SqliteDocumentWriter writer);
        public abstract void Complete();
        public abstract void Fail(Exception error);
    }

    private sealed class PendingWrite<T>(Func<SqliteDocumentWriter, T> execute) : PendingWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Completion => _done.Task;

        public override void Execute(SqliteDocumentWriter writer) => _result = execute(writer);
        public override void Complete() => _done.TrySetResult(_result!);
        public override void Fail(Exception error) => _done.TrySetException(error);
    }
}
