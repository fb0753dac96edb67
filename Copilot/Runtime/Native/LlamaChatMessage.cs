using System.Runtime.InteropServices;

namespace Collab.Copilot.Runtime.Native;

/// <summary>Mirror of <c>struct llama_chat_message</c>: two UTF-8, NUL-terminated strings.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LlamaChatMessage
{
    public byte* Role;
    public byte* Content;
}
