namespace Collab.Crdt.Bench;

/// <summary>
/// What one implementation measured on one trace (the JSON line both sides print). Cold: the
/// first replay of a fresh process (encode and load: the median of 5). Warm: the median of
/// several more runs in the same process (each run's encode and load: the median of 5). Memory: peak RSS of the whole process, the heap in
/// use after loading the trace and after the cold replay (each after a full GC, so the
/// difference is the document), and for C# the managed heap's peak sampled during the replay
/// and the bytes allocated by it. Peak RSS and the heaps include the parsed trace, which both
/// sides hold alike. ColdJit*, ColdGen* and ColdPageFaults: what the cold replay paid besides the
/// edits themselves (methods the JIT compiled and its time, collections per generation, memory
/// touched the first time); C# only, 0 in yjs's line.
/// </summary>
internal sealed record TraceFigures(
    double ApplyMs, double ApplyCpuMs, double EncodeMs, double LoadMs, int Size, string Sha256,
    double WarmApplyMs, double WarmApplyCpuMs, double WarmEncodeMs, double WarmLoadMs, double WarmApplyMinMs, double WarmApplyMaxMs,
    long TraceHeapBytes, long LiveHeapBytes, long PeakHeapBytes, long AllocatedBytes, long PeakRssBytes,
    int ColdJitMethods = 0, double ColdJitMs = 0, int ColdGen0 = 0, int ColdGen1 = 0, int ColdGen2 = 0, long ColdPageFaults = 0);
