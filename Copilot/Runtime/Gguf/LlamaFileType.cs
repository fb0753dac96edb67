namespace Collab.Copilot.Runtime.Gguf;

/// <summary>The members of <c>enum llama_ftype</c> this project writes or quantizes to.</summary>
public enum LlamaFileType
{
    AllF32 = 0,
    MostlyF16 = 1,
    MostlyQ8_0 = 7,
    MostlyQ4_K_M = 15,
}
