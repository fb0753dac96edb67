using System.Diagnostics;
using System.Security.Cryptography;

namespace Collab.Crdt.Bench;

/// <summary>
/// The C# side: replay a trace into a Text (one transaction per patch), encode, load the
/// encoding into a fresh doc. The same steps as bench/crdt/yjs-trace.mjs.
/// </summary>
internal static class CrdtTraceRun
{
    private const int Runs = 5; // encode and load are short: the median of several runs

    public static TraceFigures Measure(string tracePath)
    {
        var trace = EditingTrace.Load(tracePath);
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("text");
        var sw = Stopwatch.StartNew();
        foreach (var (pos, del, ins) in trace.Patches)
        {
            doc.Transact(_ =>
            {
                if (del > 0) text.Delete(pos, del);
                if (ins.Length > 0) text.Insert(pos, ins);
            });
        }
        double applyMs = sw.Elapsed.TotalMilliseconds;
        if (text.ToString() != trace.EndContent) throw new InvalidOperationException("The replayed text differs from endContent.");

        byte[] encoded = [];
        var encodeTimes = new List<double>();
        for (int i = 0; i < Runs; i++)
        {
            sw.Restart();
            encoded = doc.EncodeStateAsUpdate();
            encodeTimes.Add(sw.Elapsed.TotalMilliseconds);
        }

        var loadTimes = new List<double>();
        for (int i = 0; i < Runs; i++)
        {
            var fresh = new Doc(new DocOptions { ClientId = 2 });
            sw.Restart();
            fresh.ApplyUpdate(encoded);
            loadTimes.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0 && fresh.GetText("text").ToString() != trace.EndContent)
                throw new InvalidOperationException("The loaded text differs from endContent.");
        }

        return new TraceFigures(applyMs, Median(encodeTimes), Median(loadTimes), encoded.Length,
            Convert.ToHexString(SHA256.HashData(encoded)).ToLowerInvariant(),
            Process.GetCurrentProcess().PeakWorkingSet64);
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
}
