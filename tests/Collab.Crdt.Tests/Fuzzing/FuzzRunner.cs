using System.Diagnostics;

namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>A broken property found by a fuzz case (not the library's rejection).</summary>
internal sealed class FuzzViolation(string message, Exception? cause = null) : Exception(message, cause);

/// <summary>
/// Runs seeded fuzz cases on a worker thread under a watchdog. A case passes when it returns
/// or throws <see cref="CrdtFormatException"/>; anything else is collected and reported with
/// the case number, so one case can be replayed with <c>CRDT_FUZZ_SEED</c>/<c>CRDT_FUZZ_ONLY</c>.
/// </summary>
internal static class FuzzRunner
{
    // Catches pathological (super-linear) cases, which take minutes; generous so a loaded CI machine doesn't trip it.
    private static readonly TimeSpan SlowCase = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Watchdog = TimeSpan.FromMinutes(3);

    /// <summary>Case count scaled by <c>CRDT_FUZZ_SCALE</c> (default 1) for longer runs.</summary>
    public static int Cases(int perRun) =>
        (int)(perRun * (double.TryParse(Environment.GetEnvironmentVariable("CRDT_FUZZ_SCALE"), out var s) ? s : 1));

    private static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("CRDT_FUZZ_SEED"), out var s) ? s : 1;

    public static void Run(string name, int cases, Action<Random> fuzzCase)
    {
        int seed = BaseSeed;
        int? only = int.TryParse(Environment.GetEnvironmentVariable("CRDT_FUZZ_ONLY"), out var o) ? o : null;
        var failures = new Dictionary<string, (int Count, string Example)>();
        int current = -1, rejected = 0;
        var worker = new Thread(() =>
        {
            for (int i = only ?? 0; i < (only is null ? cases : only + 1); i++)
            {
                current = i;
                var sw = Stopwatch.StartNew();
                try { fuzzCase(new Random(unchecked(seed * 1_000_003 + i))); }
                catch (CrdtFormatException) { rejected++; }
                catch (Exception e) { Record(failures, i, e); }
                if (sw.Elapsed > SlowCase) Record(failures, i, new FuzzViolation($"slow case: {sw.Elapsed.TotalMilliseconds:F0} ms"));
            }
        }, 64 << 20) { IsBackground = true, Name = name };
        worker.Start();
        if (!worker.Join(Watchdog))
            throw new FuzzViolation($"{name}: case {current} (seed {seed}) did not finish within {Watchdog}.");
        int ran = only is null ? cases : 1;
        Console.WriteLine($"{name}: {ran} cases, {rejected} rejected, {failures.Count} distinct failures");
        // A harness whose inputs are all rejected (or all accepted) tests nothing.
        if (only is null && (rejected < cases / 100 || ran - rejected < cases / 100))
            throw new FuzzViolation($"{name}: {rejected} of {ran} cases rejected; the mutations no longer exercise both outcomes.");
        if (failures.Count == 0) return;
        var report = string.Join("\n\n", failures.Select(f => $"[{f.Value.Count}x] {f.Value.Example}"));
        throw new FuzzViolation($"{name} (seed {seed}): {failures.Count} distinct failures\n\n{report}");
    }

    private static void Record(Dictionary<string, (int Count, string Example)> failures, int caseIndex, Exception e)
    {
        // Group by exception type and the first library frame, so one bug is reported once.
        var cause = e.InnerException ?? e;
        string frame = cause.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Collab.Crdt.") && !l.Contains(".Tests."))?.Trim() ?? "";
        string key = (e is FuzzViolation ? e.Message.Split(':')[0] : e.GetType().Name) + " " + frame;
        string causeText = e.InnerException is { } inner ? $"\ncaused by {inner.GetType().Name}: {inner.Message}\n{inner.StackTrace}" : "";
        failures[key] = failures.TryGetValue(key, out var f)
            ? (f.Count + 1, f.Example)
            : (1, $"case {caseIndex}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}{causeText}");
    }
}
