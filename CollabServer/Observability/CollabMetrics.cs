using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Collab.Server.Observability;

/// <summary>
/// The server's one <see cref="Meter"/> ("Collab.Server") and its instruments. Names follow the
/// OpenTelemetry conventions; the Prometheus exporter turns <c>collab.store.duration</c> (unit s)
/// into <c>collab_store_duration_seconds</c> and counters into <c>*_total</c>, the names
/// <c>deploy/grafana/collab-dashboard.json</c> uses. Components outside this folder (the Redis
/// backplane, the copilot) record through the public methods rather than touching instruments.
/// </summary>
public sealed class CollabMetrics
{
    public const string MeterName = "Collab.Server";

    private static readonly double[] FastSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] SlowSeconds = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120];

    private readonly Histogram<double> _hubMethodDuration;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _updates;
    private readonly Histogram<double> _storeDuration;
    private readonly Counter<long> _compactions;
    private readonly Histogram<double> _compactionDuration;
    private readonly Histogram<double> _redisLag;
    private readonly Histogram<double> _copilotLatency;
    private readonly Counter<long> _copilotTokens;
    private readonly UpDownCounter<long> _copilotQueueDepth;
    private readonly Counter<long> _executionCells;
    private readonly Counter<long> _roomResyncs;
    private readonly Counter<long> _slowReaders;
    private volatile Func<int> _roomsLoaded = () => 0;
    private volatile Func<long> _appendsBehindSnapshots = () => 0;
    private volatile Func<int> _executionQueued = () => 0;
    private volatile Func<int> _executionKernels = () => 0;

    public CollabMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _hubMethodDuration = meter.CreateHistogram("collab.hub.method.duration", "s",
            "Time a SignalR hub method took, by method and outcome.", advice: Buckets(FastSeconds));
        _connections = meter.CreateUpDownCounter<long>("collab.connections", "{connection}",
            "Open client connections, by transport (signalr, y-websocket).");
        meter.CreateObservableGauge("collab.rooms.loaded", () => _roomsLoaded(), "{room}",
            "Live documents held in memory by this replica.");
        _updates = meter.CreateCounter<long>("collab.updates", "{update}",
            "Document updates persisted; rate() gives updates per second.");
        _storeDuration = meter.CreateHistogram("collab.store.duration", "s",
            "Latency of document store calls, by operation (load, append, compact).", advice: Buckets(FastSeconds));
        _compactions = meter.CreateCounter<long>("collab.compactions", "{compaction}",
            "Snapshot attempts (log folded into a snapshot), by outcome: ok, skipped, error.");
        meter.CreateObservableCounter("collab.store.appends_behind_snapshot", () => _appendsBehindSnapshots(), "{append}",
            "Appends (acknowledged edits) that waited for a snapshot step on SQLite's one writer; 0 on PostgreSQL, where they never share a commit.");
        _compactionDuration = meter.CreateHistogram("collab.compaction.duration", "s",
            "Time to write one snapshot and drop the log entries it covers.", advice: Buckets(FastSeconds));
        _redisLag = meter.CreateHistogram("collab.redis.lag", "s",
            "Delay between publishing a message on the Redis backplane and receiving it on a replica.", advice: Buckets(FastSeconds));
        _copilotLatency = meter.CreateHistogram("collab.copilot.latency", "s",
            "Time from a copilot request to its first token, by model.", advice: Buckets(SlowSeconds));
        _copilotTokens = meter.CreateCounter<long>("collab.copilot.tokens", "{token}",
            "Tokens the copilot generated; rate() gives tokens per second.");
        _copilotQueueDepth = meter.CreateUpDownCounter<long>("collab.copilot.queue.depth", "{request}",
            "Copilot requests waiting for a free sequence.");
        _roomResyncs = meter.CreateCounter<long>("collab.rooms.resyncs", "{resync}",
            "Rooms that caught up from the store because the Redis backplane lost messages, by reason: sequence_gap, redis_reconnected, room_bus_subscribed.");
        _slowReaders = meter.CreateCounter<long>("collab.connections.slow_readers", "{connection}",
            "Connections dropped because they read slower than their room changed (Limits:MaxQueuedBytesPerConnection), by transport.");
        _executionCells = meter.CreateCounter<long>("collab.execution.cells", "{cell}",
            "Cells run on a kernel, by outcome: ok, error (the code raised), failed (the kernel or Collab could not run it).");
        meter.CreateObservableGauge("collab.execution.queue.depth", () => _executionQueued(), "{cell}",
            "Cells waiting for their notebook's kernel on this replica.");
        meter.CreateObservableGauge("collab.execution.kernels", () => _executionKernels(), "{kernel}",
            "Notebook kernels this replica holds on the Jupyter Server.");

        // Counters start at zero so dashboards show 0, not "no data", before the first event.
        _updates.Add(0);
        _compactions.Add(0, new KeyValuePair<string, object?>("outcome", "ok"));
        _copilotTokens.Add(0);
        _copilotQueueDepth.Add(0);
        _roomResyncs.Add(0, new KeyValuePair<string, object?>("reason", "sequence_gap"));
        _executionCells.Add(0, Outcome("ok"));
        _executionCells.Add(0, Outcome("failed"));
        _connections.Add(0, Transport("signalr"));
        _connections.Add(0, Transport("y-websocket"));
        _slowReaders.Add(0, Transport("y-websocket"));
    }

    /// <summary>Where <c>collab.rooms.loaded</c> reads its value (the room registry, set at start).</summary>
    public void ObserveRoomsLoaded(Func<int> count) => _roomsLoaded = count;

    /// <summary>Where <c>collab.store.appends_behind_snapshot</c> reads its value (the SQLite document writer, set at start).</summary>
    public void ObserveAppendsBehindSnapshots(Func<long> count) => _appendsBehindSnapshots = count;

    /// <summary>Where the execution gauges read their values (the execution service, set at start).</summary>
    public void ObserveExecution(Func<int> queuedCells, Func<int> kernels) =>
        (_executionQueued, _executionKernels) = (queuedCells, kernels);

    /// <summary>For the Redis scale-out: a room caught up from the store (<paramref name="reason"/> as the room logs it, e.g. "sequence gap").</summary>
    public void RoomResynced(string reason) =>
        _roomResyncs.Add(1, new KeyValuePair<string, object?>("reason", reason.Replace(' ', '_')));

    /// <summary>A connection of <paramref name="transport"/> was dropped for reading too slowly.</summary>
    public void SlowReaderDropped(string transport) => _slowReaders.Add(1, Transport(transport));

    /// <summary>For the execution feature: one cell finished; <paramref name="outcome"/> is ok, error or failed.</summary>
    public void CellExecuted(string outcome) => _executionCells.Add(1, Outcome(outcome));

    public void RecordHubMethod(string method, TimeSpan duration, bool failed) =>
        _hubMethodDuration.Record(duration.TotalSeconds,
            new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("outcome", failed ? "error" : "ok"));

    public void ConnectionOpened(string transport) => _connections.Add(1, Transport(transport));

    public void ConnectionClosed(string transport) => _connections.Add(-1, Transport(transport));

    public void UpdatesPersisted(int count) => _updates.Add(count);

    public void RecordStoreCall(string operation, TimeSpan duration) =>
        _storeDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary><paramref name="outcome"/>: ok (snapshot written), skipped (a newer one exists or another node is on it), error.</summary>
    public void RecordCompaction(TimeSpan duration, string outcome)
    {
        _compactions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "ok") _compactionDuration.Record(duration.TotalSeconds);
    }

    /// <summary>For the Redis scale-out: how long a backplane message took from publish to receipt.</summary>
    public void RecordRedisLag(TimeSpan lag) => _redisLag.Record(Math.Max(0, lag.TotalSeconds));

    /// <summary>For the copilot: time to the first token of one request.</summary>
    public void RecordCopilotLatency(TimeSpan timeToFirstToken, string model) =>
        _copilotLatency.Record(timeToFirstToken.TotalSeconds, new KeyValuePair<string, object?>("model", model));

    /// <summary>For the copilot: tokens just generated (call per chunk or per request).</summary>
    public void CopilotTokensGenerated(int count) => _copilotTokens.Add(count);

    /// <summary>For the copilot scheduler: +1 when a request starts waiting, -1 when it leaves the queue.</summary>
    public void AdjustCopilotQueueDepth(int delta) => _copilotQueueDepth.Add(delta);

    /// <summary>Times <paramref name="action"/> as one store call of <paramref name="operation"/>.</summary>
    public async Task<T> TimeStoreCallAsync<T>(string operation, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await action();
        }
        finally
        {
            RecordStoreCall(operation, Stopwatch.GetElapsedTime(started));
        }
    }

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);

    private static KeyValuePair<string, object?> Transport(string transport) => new("transport", transport);

    private static InstrumentAdvice<double> Buckets(double[] bounds) => new() { HistogramBucketBoundaries = bounds };
}
