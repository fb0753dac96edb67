namespace Collab.LoadBench;

/// <summary>Send times by edit id, and the latencies observed when other clients saw the edits.</summary>
public sealed class LatencyRecorder
{
    private readonly long[] _sentAt;
    private readonly List<double> _fanOut = new();
    private readonly List<double> _acks = new();
    private long _nextId;
    private long _delivered;
    private long _errors;

    public LatencyRecorder(int capacity) => _sentAt = new long[capacity];

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Errors => Interlocked.Read(ref _errors);
    public long Sent => Interlocked.Read(ref _nextId);

    /// <summary>A fresh edit id (≥ 1) stamped with the send time; 0 when the run's capacity is spent.</summary>
    public long NewEdit()
    {
        var id = Interlocked.Increment(ref _nextId);
        if (id >= _sentAt.Length) return 0;
        _sentAt[id] = System.Diagnostics.Stopwatch.GetTimestamp();
        return id;
    }

    public void Seen(long id)
    {
        if (id <= 0 || id >= _sentAt.Length) return;
        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(_sentAt[id]).TotalMilliseconds;
        lock (_fanOut) _fanOut.Add(ms);
    }

    public void Acked(long id)
    {
        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(_sentAt[id]).TotalMilliseconds;
        lock (_acks) _acks.Add(ms);
    }

    public void Frame() => Interlocked.Increment(ref _delivered);

    public void Error() => Interlocked.Increment(ref _errors);

    public LatencyPercentiles FanOut() => Percentiles(_fanOut);

    public LatencyPercentiles Acks() => Percentiles(_acks);

    private static LatencyPercentiles Percentiles(List<double> values)
    {
        double[] sorted;
        lock (values) sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new(double.NaN, double.NaN, double.NaN, double.NaN, 0);
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new(At(0.50), At(0.95), At(0.99), At(0.999), sorted.Length);
    }
}
