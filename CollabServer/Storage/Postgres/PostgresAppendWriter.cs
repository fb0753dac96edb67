using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Collab.Server.Storage.Postgres;

/// <summary>
/// Group commit for one node's appends: every append queued while the previous round trip ran goes
/// into one implicit transaction (one round trip, commit included), instead of one transaction per
/// room. The per-document advisory locks that serialise appends across nodes (so the head read is
/// exact and seqs commit in order for the replicas' chains) are taken in hash order, so two nodes'
/// batches cannot deadlock. A batch holds at most one append per document, so each append's range
/// is its document's rows in the batch. If a batch fails, each append is retried on its own, so one
/// bad append fails alone.
/// </summary>
internal sealed class PostgresAppendWriter
{
    private const int AppendLockClass = 7346003;
    private const int MaxAppendsPerCommit = 256;

    private const string LockSql = """
        SELECT count(pg_advisory_xact_lock($1, h))
        FROM (SELECT DISTINCT hashtext(p || '/' || d) AS h FROM unnest($2::text[], $3::text[]) AS k(p, d) ORDER BY h) AS ordered
        """;

    private const string HeadsSql = """
        SELECT GREATEST(
            COALESCE((SELECT max(seq) FROM doc_updates u WHERE u.project_id = k.p AND u.doc_name = k.d), 0),
            COALESCE((SELECT upto_seq FROM doc_snapshots s WHERE s.project_id = k.p AND s.doc_name = k.d), 0))
        FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(p, d, i) ORDER BY k.i
        """;

    private const string InsertSql = """
        WITH added AS (
            INSERT INTO doc_updates (project_id, doc_name, data)
            SELECT p, d, u FROM unnest($1::text[], $2::text[], $3::bytea[]) WITH ORDINALITY AS t(p, d, u, i) ORDER BY i
            RETURNING project_id, doc_name, seq)
        SELECT project_id, doc_name, max(seq) FROM added GROUP BY project_id, doc_name
        """;

    private readonly NpgsqlDataSource _db;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new() { SingleReader = true });
    private PendingAppend? _carried; // a second append to a document already in the batch waits for the next one

    public PostgresAppendWriter(NpgsqlDataSource db)
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
        while (_carried is not null || await reader.WaitToReadAsync())
        {
            var batch = TakeBatch(reader);
            try
            {
                var ranges = await CommitAsync(batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done(ranges[i]);
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch) await CommitAloneAsync(pending);
            }
            catch (Exception ex)
            {
                batch[0].Fail(ex);
            }
        }
    }

    private List<PendingAppend> TakeBatch(ChannelReader<PendingAppend> reader)
    {
        var batch = new List<PendingAppend>();
        var keys = new HashSet<DocumentKey>();
        if (_carried is not null)
        {
            batch.Add(_carried);
            keys.Add(_carried.Key);
            _carried = null;
        }
        while (batch.Count < MaxAppendsPerCommit && reader.TryRead(out var pending))
        {
            if (!keys.Add(pending.Key))
            {
                _carried = pending;
                break;
            }
            batch.Add(pending);
        }
        return batch;
    }

    private async Task CommitAloneAsync(PendingAppend pending)
    {
        try { pending.Done((await CommitAsync([pending]))[0]); }
        catch (Exception ex) { pending.Fail(ex); }
    }

    private async Task<AppendedRange[]> CommitAsync(IReadOnlyList<PendingAppend> batch)
    {
        var projects = batch.Select(a => a.Key.ProjectId).ToArray();
        var docs = batch.Select(a => a.Key.DocName).ToArray();
        var rows = batch.SelectMany(a => a.Updates.Select(_ => a.Key)).ToArray();
        await using var connection = await _db.OpenConnectionAsync();
        // No explicit transaction: the batch runs as one implicit transaction (a single Sync), so
        // the locks are held until its commit.
        await using var command = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Batched(LockSql, AppendLockClass, projects, docs),
                Batched(HeadsSql, projects, docs),
                Batched(InsertSql, rows.Select(k => k.ProjectId).ToArray(), rows.Select(k => k.DocName).ToArray(),
                    batch.SelectMany(a => a.Updates).ToArray()),
            },
        };
        var ranges = new AppendedRange[batch.Count];
        var index = batch.Select((a, i) => (a.Key, i)).ToDictionary(p => p.Key, p => p.i);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        for (var i = 0; i < batch.Count && await reader.ReadAsync(); i++) ranges[i] = new AppendedRange(reader.GetInt64(0), 0);
        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var i = index[new DocumentKey(reader.GetString(0), reader.GetString(1))];
            ranges[i] = ranges[i] with { LastSeq = reader.GetInt64(2) };
        }
        return ranges;
    }

    private static NpgsqlBatchCommand Batched(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is byte[][]
                ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea }
                : new NpgsqlParameter { Value = value });
        }
        return command;
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
