using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// Group commit for document appends. SQLite has one write lock per file, so appends from many
/// rooms would otherwise queue for it one commit at a time. A single loop owns one long-lived
/// write connection with prepared statements, takes every append queued while the previous commit
/// ran, writes them in one transaction and only then completes their tasks: each append is still
/// durable when its task completes, and appends to one document keep their order.
/// </summary>
internal sealed class SqliteAppendWriter
{
    private const int MaxAppendsPerCommit = 512;

    private readonly SqliteDatabase _db;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private readonly List<PendingAppend> _batch = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _head;
    private SqliteCommand? _insert;

    public SqliteAppendWriter(SqliteDatabase db)
    {
        _db = db;
        _ = Task.Run(RunAsync);
    }

    public Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates)
    {
        var pending = new PendingAppend(key, updates);
        _queue.Writer.TryWrite(pending);
        return pending.Completion;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (_batch.Count < MaxAppendsPerCommit && reader.TryRead(out var pending)) _batch.Add(pending);
            try
            {
                await EnsureConnectionAsync();
                var ranges = Commit(_batch);
                for (var i = 0; i < _batch.Count; i++) _batch[i].Done(ranges[i]);
            }
            catch (Exception) when (_batch.Count > 1)
            {
                // One bad append must not fail the others: retry each in its own transaction.
                foreach (var pending in _batch) await CommitAloneAsync(pending);
            }
            catch (Exception ex)
            {
                _batch[0].Fail(ex);
                ResetConnection();
            }
            _batch.Clear();
        }
    }

    private async Task CommitAloneAsync(PendingAppend pending)
    {
        try
        {
            ResetConnection();
            await EnsureConnectionAsync();
            pending.Done(Commit([pending])[0]);
        }
        catch (Exception ex)
        {
            pending.Fail(ex);
        }
    }

    private AppendedRange[] Commit(IReadOnlyList<PendingAppend> batch)
    {
        var ranges = new AppendedRange[batch.Count];
        using var tx = _connection!.BeginTransaction();
        _head!.Transaction = tx;
        _insert!.Transaction = tx;
        for (var i = 0; i < batch.Count; i++)
        {
            var (key, updates) = (batch[i].Key, batch[i].Updates);
            _head.Parameters["$p"].Value = key.ProjectId;
            _head.Parameters["$d"].Value = key.DocName;
            var previous = (long)_head.ExecuteScalar()!;
            long seq = 0;
            _insert.Parameters["$p"].Value = key.ProjectId;
            _insert.Parameters["$d"].Value = key.DocName;
            foreach (var update in updates)
            {
                _insert.Parameters["$u"].Value = update;
                seq = (long)_insert.ExecuteScalar()!;
            }
            ranges[i] = new AppendedRange(previous, seq);
        }
        tx.Commit();
        return ranges;
    }

    private async Task EnsureConnectionAsync()
    {
        if (_connection is not null) return;
        _connection = await _db.OpenAsync(CancellationToken.None);
        _head = _connection.Command("""
            SELECT max(
                COALESCE((SELECT max(seq) FROM doc_updates WHERE project_id = $p AND doc_name = $d), 0),
                COALESCE((SELECT upto_seq FROM doc_snapshots WHERE project_id = $p AND doc_name = $d), 0))
            """, ("$p", ""), ("$d", ""));
        _insert = _connection.Command(
            "INSERT INTO doc_updates (project_id, doc_name, data) VALUES ($p, $d, $u) RETURNING seq",
            ("$p", ""), ("$d", ""), ("$u", Array.Empty<byte>()));
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

    private sealed class PendingAppend(DocumentKey key, IReadOnlyList<byte[]> updates)
    {
        private readonly TaskCompletionSource<AppendedRange> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DocumentKey Key => key;
        public IReadOnlyList<byte[]> Updates => updates;
        public Task<AppendedRange> Completion => _done.Task;

        public void Done(AppendedRange range) => _done.TrySetResult(range);
        public void Fail(Exception error) => _done.TrySetException(error);
    }
}
