using Microsoft.Win32.SafeHandles;

namespace Collab.Copilot.Runtime.Native;

/// <summary>Owns a <c>llama_context*</c>; freed with <c>llama_free</c>.</summary>
internal sealed class SafeLlamaContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SafeLlamaContextHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        NativeMethods.llama_free(handle);
        return true;
    }
}
