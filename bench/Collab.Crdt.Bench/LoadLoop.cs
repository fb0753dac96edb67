using System.Diagnostics;

namespace Collab.Crdt.Bench;

/// <summary>
/// A warm load of a trace's encoding, many times in one process, measured in what a loaded machine
/// disturbs least: CPU time, bytes allocated and collections per load (beside the wall time's
/// median and minimum). For profiling and A/B runs of the load path; bench/crdt.sh gives the ratios.
/// </summary>
internal static class LoadLoop
{
    private const int WarmUp = 20;

    public static void Run(string tracePath, int loads)
    {
        var trace = EditingTrace.Load(tracePath);
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("text");
        foreach (var (pos, del, ins) in trace.Patches)
        {
            doc.Transact(_ =>
            {
                if (del > 0) text.Delete(pos, del);
                if (ins.Length > 0) text.Insert(pos, ins);
            });
        }
        var encoded = doc.EncodeStateAsUpdate();
        for (int i = 0; i < WarmUp; i++) Load(encoded);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        var walls = new double[loads];
        int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        for (int i = 0; i < loads; i++)
        {
            long start = Stopwatch.GetTimestamp();
            Load(encoded);
            walls[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / loads;
        long bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / loads;
        Array.Sort(walls);
        Console.WriteLine($"{Path.GetFileName(tracePath)}: {encoded.Length} B encoded, {loads} loads: cpu {cpuMs:0.000} ms/load, " +
                          $"wall median {walls[loads / 2]:0.000} min {walls[0]:0.000} ms, allocated {bytes / 1024.0:0.0} KB/load, " +
                          $"collections gen0/1/2 {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}");
    }

    private static void Load(byte[] encoded) => new Doc(new DocOptions { ClientId = 2 }).ApplyUpdate(encoded);
}
