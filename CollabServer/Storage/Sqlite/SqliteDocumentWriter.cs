using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

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
/// Appends first: an append is an edit someone waits on, a snapshot step is background work. Appends
/// and the snapshot's steps (<see cref="SqliteSnapshotWriter"/>: bounded parts, the switch, deletions)
/// wait in two queues. A commit takes every queued append, and nothing else; a step is committed on
/// its own, one at a time, only when no append is waiting, or after
/// <see cref="AppendCommitsPerStep"/> append commits in a row (so a snapshot still ends under a
/// steady stream of edits). Many rooms compacting at once therefore add no bytes to an append's
/// commit: an append waits for a snapshot only if it arrives while one step (at most
/// <see cref="SqliteSnapshotWriter.PartBytes"/>) is being written, and
/// <see cref="AppendsBehindSteps"/> counts those.
/// Log heads: an append continues its document's log from the head, which only this writer moves
/// (compaction deletes rows below it, never the head). The writer remembers the heads it wrote, so
/// an append is one INSERT per update instead of a head query first; it forgets them when a commit
/// fails and when documents' logs were removed elsewhere (<see cref="SqliteDatabase.LogRemovals"/>).
/// </summary>
internal sealed class SqliteDocumentWriter
{
    private const int MaxWritesPerCommit = 512;
    private const int AppendCommitsPerStep = 8;
    private const int CommitsPerCheckpoint = 200;
    private const int MaxRememberedHeads = 10_000;

    private readonly SqliteDatabase _db;
    private readonly ConcurrentQueue<PendingWrite> _appends = new();
    private readonly ConcurrentQueue<PendingWrite> _steps = new();
    private readonly SemaphoreSlim _wake = new(0);
    private int _wakePending; // 1 while a release of _wake is not yet consumed: one release per idle spell, not per write
    private volatile bool _stepRunning;
    private long _appendsBehindSteps;
    private int _appendCommitsSinceStep;
    private readonly List<PendingWrite> _batch = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _head;
    private sqlite3_stmt? _insert; // SQLite's own statement: see Append
    private SqliteTransaction? _transaction;
    private int _commitsSinceCheckpoint;
    private Task<long> _checkpoint = Task.FromResult(0L);
    private long _finishAtWalFrames = long.MaxValue;
    private readonly Dictionary<DocumentKey, long> _heads = new();
    private long _headsAsOfRemovals;

    public SqliteDocumentWriter(SqliteDatabase db)
    {
        _db = db;
        // Its own thread: every SQLite call blocks (Microsoft.Data.Sqlite's async methods run
        // synchronously), and commits holding pool threads starve the pool on a small machine.
        new Thread(Run) { IsBackground = true, Name = "Collab SQLite writer" }.Start();
    }

    /// <summary>Appends that were queued while a snapshot step was being written, and so waited for it.</summary>
    public long AppendsBehindSteps => Interlocked.Read(ref _appendsBehindSteps);

    /// <summary>Commits <paramref name="updates"/> in the next commit of appends; durable once the task completes.</summary>
    public Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates)
    {
        if (_stepRunning) Interlocked.Increment(ref _appendsBehindSteps);
        return Enqueue(_appends, new PendingWrite<AppendedRange>(w => w.Append(key, updates)));
    }

    /// <summary>
    /// Runs <paramref name="write"/>, a bounded step of background work, in a commit of its own
    /// between commits of appends; its result once that commits. Steps run in the order queued.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write) =>
        Enqueue(_steps, new PendingWrite<T>(w => write(w._transaction!)));

    private Task<T> Enqueue<T>(ConcurrentQueue<PendingWrite> queue, PendingWrite<T> write)
    {
        queue.Enqueue(write);
        if (Interlocked.Exchange(ref _wakePending, 1) == 0) _wake.Release();
        return write.Completion;
    }

    private void Run()
    {
        while (true)
        {
            if (_appends.IsEmpty && _steps.IsEmpty)
            {
                _wake.Wait();
                // Cleared before looking at the queues: a write queued from here on releases again.
                // A full fence, not a volatile write: that store could wait in this core's store buffer
                // while the queues below are read (found empty), a write queued meanwhile would still
                // see the flag set and not release, and this thread would sleep with the write queued.
                Interlocked.Exchange(ref _wakePending, 0);
                continue;
            }
            if (!_appends.IsEmpty)
            {
                while (_batch.Count < MaxWritesPerCommit && _appends.TryDequeue(out var append)) _batch.Add(append);
                CommitBatch();
                _appendCommitsSinceStep = _steps.IsEmpty ? 0 : _appendCommitsSinceStep + 1;
            }
            if (!_steps.IsEmpty && (_appends.IsEmpty || _appendCommitsSinceStep >= AppendCommitsPerStep) && _steps.TryDequeue(out var step))
            {
                _batch.Add(step);
                _stepRunning = true;
                CommitBatch();
                _stepRunning = false;
                _appendCommitsSinceStep = 0;
            }
        }
    }

    /// <summary>Commits <see cref="_batch"/> in one transaction and completes (or fails) its writes.</summary>
    private void CommitBatch()
    {
        try
        {
            EnsureConnection();
            Commit(_batch);
            foreach (var write in _batch) write.Complete();
        }
        catch (Exception) when (_batch.Count > 1)
        {
            _heads.Clear(); // the rolled-back appends moved them
            // One bad write must not fail the others: retry each in its own transaction.
            foreach (var write in _batch) CommitAlone(write);
        }
        catch (Exception ex)
        {
            _heads.Clear();
            _batch[0].Fail(ex);
            ResetConnection();
        }
        _batch.Clear();
        if (_connection is not null) MaintainWal();
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
            _heads.Clear();
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
        var previous = Head(key);
        var seq = previous;
        // Every accepted update is one row: bound and stepped on SQLite's prepared statement
        // directly, in the connection's open transaction. Through SqliteCommand each row cost a
        // data reader, a statement enumerator, parameter binders and the names' UTF-8 again.
        var insert = _insert!;
        try
        {
            Check(raw.sqlite3_bind_text(insert, 1, key.ProjectId));
            Check(raw.sqlite3_bind_text(insert, 2, key.DocName));
            foreach (var update in updates)
            {
                Check(raw.sqlite3_bind_int64(insert, 3, ++seq));
                Check(raw.sqlite3_bind_blob(insert, 4, update));
                var rc = raw.sqlite3_step(insert);
                if (rc != raw.SQLITE_DONE) Check(rc);
                Check(raw.sqlite3_reset(insert));
            }
        }
        finally
        {
            raw.sqlite3_reset(insert);
            raw.sqlite3_clear_bindings(insert); // SQLite keeps its own copy of the last blob until then
        }
        _heads[key] = seq;
        return new AppendedRange(previous, seq);
    }

    /// <summary>The document's last seq: remembered from this writer's last append to it, or read.</summary>
    private long Head(DocumentKey key)
    {
        var removals = _db.LogRemovals;
        if (removals != _headsAsOfRemovals || _heads.Count >= MaxRememberedHeads)
        {
            _heads.Clear();
            _headsAsOfRemovals = removals;
        }
        if (_heads.TryGetValue(key, out var head)) return head;
        Bind(_head!, key);
        return (long)_head!.ExecuteScalar()!;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _connection!.Handle);
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
        _head.Prepare();
        Check(raw.sqlite3_prepare_v2(_connection.Handle, "INSERT INTO doc_updates (project_id, doc_name, seq, data) VALUES (?1, ?2, ?3, ?4)", out var insert));
        _insert = insert;
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
