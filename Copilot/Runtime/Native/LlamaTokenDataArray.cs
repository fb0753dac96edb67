using System.Runtime.InteropServices;

namespace Collab.Copilot.Runtime.Native;

/// <summary>Mirror of <c>llama_token_data_array</c>: the candidates a sampler chain narrows down.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaTokenDataArray
{
    public LlamaTokenData* Data;
    public nuint Size;
    /// <summary>Index into <see cref="Data"/> of the chosen token, set by the chain's last sampler.</summary>
    public long Selected;
    public byte Sorted;
}
