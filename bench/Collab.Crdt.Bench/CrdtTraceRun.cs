using System.Diagnostics;
using System.Security.Cryptography;

namespace Collab.Crdt.Bench;

/// <summary>
/// The C# side: replay a trace into a Text (one transaction per patch), encode, load the
/// encoding into a fresh doc; cold, then warm. The same steps as bench/crdt/yjs-trace.mjs.
/// </summary>
internal static class CrdtTraceRun
{
    private const int Runs = 5; // encode and load are short: the median of several runs
    private const int HeapSampleEvery = 1_000; // patches between samples of the managed heap

    private readonly record struct Replay(Doc Doc, double Ms, double CpuMs, long PeakHeapBytes, ColdCosts Costs);

    public static TraceFigures Measure(IReadOnlyList<string> tracePaths, int warmRuns)
    {
        var trace = EditingTrace.Concatenate(tracePaths);
        long traceHeap = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cold = Apply(trace, sampleHeap: true);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long liveHeap = GC.GetTotalMemory(forceFullCollection: true);

        var (encoded, encodeMs) = Encode(cold.Doc, Runs);
        double loadMs = Load(encoded, trace, Runs);

        var applies = new List<double>();
        var applyCpus = new List<double>();
        var encodes = new List<double>();
        var loads = new List<double>();
        for (int i = 0; i < warmRuns; i++)
        {
            var run = Apply(trace, sampleHeap: false);
            applies.Add(run.Ms);
            applyCpus.Add(run.CpuMs);
            encodes.Add(Encode(run.Doc, Runs).Ms);
            loads.Add(Load(encoded, trace, Runs));
        }
        return new TraceFigures(
            cold.Ms, cold.CpuMs, encodeMs, loadMs, encoded.Length, Convert.ToHexString(SHA256.HashData(encoded)).ToLowerInvariant(),
            Median(applies), Median(applyCpus), Median(encodes), Median(loads), applies.DefaultIfEmpty().Min(), applies.DefaultIfEmpty().Max(),
            traceHeap, liveHeap, cold.PeakHeapBytes, allocated, Process.GetCurrentProcess().PeakWorkingSet64,
            cold.Costs.JitMethods, cold.Costs.JitMs, cold.Costs.Gen0, cold.Costs.Gen1, cold.Costs.Gen2, cold.Costs.PageFaults);
    }

    private static Replay Apply(EditingTrace trace, bool sampleHeap)
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("text");
        long peakHeap = 0;
        int n = 0;
        var costsBefore = ColdCosts.Now();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        foreach (var (pos, del, ins) in trace.Patches)
        {
            doc.Transact(_ =>
            {
                if (del > 0) text.Delete(pos, del);
                if (ins.Length > 0) text.Insert(pos, ins);
            });
            if (sampleHeap && ++n % HeapSampleEvery == 0) peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        }
        double ms = sw.Elapsed.TotalMilliseconds;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var costs = ColdCosts.Now() - costsBefore;
        if (text.ToString() != trace.EndContent) throw new InvalidOperationException("The replayed text differs from endContent.");
        return new Replay(doc, ms, cpuMs, peakHeap, costs);
    }

    private static (byte[] Encoded, double Ms) Encode(Doc doc, int runs)
    {
        byte[] encoded = [];
        var times = new List<double>();
        var sw = new Stopwatch();
        for (int i = 0; i < runs; i++)
        {
            sw.Restart();
            encoded = doc.EncodeStateAsUpdate();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        return (encoded, Median(times));
    }

    private static double Load(byte[] encoded, EditingTrace trace, int runs)
    {
        var times = new List<double>();
        var sw = new Stopwatch();
        for (int i = 0; i < runs; i++)
        {
            var fresh = new Doc(new DocOptions { ClientId = 2 });
            sw.Restart();
            fresh.ApplyUpdate(encoded);
            times.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0 && fresh.GetText("text").ToString() != trace.EndContent)
                throw new InvalidOperationException("The loaded text differs from endContent.");
        }
        return Median(times);
    }

    private static double Median(List<double> xs) => xs.Count == 0 ? 0 : xs.Order().ElementAt(xs.Count / 2);
}
