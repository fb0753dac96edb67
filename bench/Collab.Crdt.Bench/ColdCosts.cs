using System.Runtime;

namespace Collab.Crdt.Bench;

/// <summary>
/// Where a cold replay's time goes besides the edits: methods the JIT compiled (and its time, all
/// threads), garbage collections per generation and page faults, taken before and after. A warm replay shows
/// none of the JIT and fewer collections, so the difference says what the first run pays once.
/// </summary>
internal readonly record struct ColdCosts(int JitMethods, double JitMs, int Gen0, int Gen1, int Gen2, long PageFaults)
{
    public static ColdCosts Now() => new(
        (int)JitInfo.GetCompiledMethodCount(currentThread: false), JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds,
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), MinorPageFaults());

    public static ColdCosts operator -(ColdCosts a, ColdCosts b) =>
        new(a.JitMethods - b.JitMethods, a.JitMs - b.JitMs, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.PageFaults - b.PageFaults);

    // Memory the process touches for the first time (the GC's new regions) faults once per page;
    // field 10 of /proc/self/stat, 0 where there is none.
    private static long MinorPageFaults()
    {
        if (!File.Exists("/proc/self/stat")) return 0;
        string stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7]);
    }
}
