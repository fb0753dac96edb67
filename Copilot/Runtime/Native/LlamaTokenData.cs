using System.Runtime.InteropServices;

namespace Collab.Copilot.Runtime.Native;

/// <summary>Mirror of <c>llama_token_data</c>: one candidate token and its logit.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LlamaTokenData
{
    public int Id;
    public float Logit;
    public float P;
}
