namespace Collab.Server.PerfTmp;

// TEMPORARY profiling probe; removed before hand-off.
public static class PerfProbe
{
    private static readonly Dictionary<string, List<double>> Samples = new();
    private static readonly Timer Dump = new(_ => Flush(), null, 5000, 5000);

    public static long Now() => System.Diagnostics.Stopwatch.GetTimestamp();

    public static void Record(string name, long since)
    {
        var ms = System.Diagnostics.Stopwatch.GetElapsedTime(since).TotalMilliseconds;
        lock (Samples)
        {
            if (!Samples.TryGetValue(name, out var list)) Samples[name] = list = new();
            list.Add(ms);
        }
    }

    public static void Value(string name, double value)
    {
        lock (Samples)
        {
            if (!Samples.TryGetValue(name, out var list)) Samples[name] = list = new();
            list.Add(value);
        }
    }

    private static void Flush()
    {
        var lines = new List<string>();
        lock (Samples)
        {
            foreach (var (name, list) in Samples)
            {
                if (list.Count == 0) continue;
                list.Sort();
                double At(double q) => list[Math.Min(list.Count - 1, (int)(q * list.Count))];
                lines.Add($"{DateTime.UtcNow:HH:mm:ss} {name,-16} n={list.Count,6} p50={At(0.5),8:F2} p99={At(0.99),8:F2} max={list[^1],8:F2}");
                list.Clear();
            }
            lines.Add($"{DateTime.UtcNow:HH:mm:ss} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:F0} threads={ThreadPool.ThreadCount} queued={ThreadPool.PendingWorkItemCount}");
        }
        File.AppendAllLines("/tmp/perf/probe.log", lines);
    }
}
