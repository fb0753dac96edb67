namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>
/// Fails a case that allocates far more than its input could justify, which is what a
/// declared length or count trusted before it is checked against the remaining input causes.
/// </summary>
internal static class AllocationGuard
{
    private const long Fixed = 512 * 1024;
    private const long PerInputByte = 1024;

    public static void Run(string what, int inputSize, Action action)
    {
        long start = GC.GetAllocatedBytesForCurrentThread();
        try { action(); }
        finally
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread() - start;
            if (allocated > Fixed + PerInputByte * inputSize)
                throw new FuzzViolation($"{what} allocated {allocated} bytes for {inputSize} input bytes");
        }
    }
}
