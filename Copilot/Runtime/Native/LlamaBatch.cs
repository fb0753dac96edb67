using System.Runtime.InteropServices;

namespace Collab.Copilot.Runtime.Native;

/// <summary>Mirror of <c>struct llama_batch</c>: parallel arrays of <see cref="TokenCount"/> entries.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaBatch
{
    public int TokenCount;
    public int* Tokens;
    public float* Embeddings;
    public int* Positions;
    public int* SequenceIdCounts;
    public int** SequenceIds;
    public sbyte* Outputs;
}
