namespace Collab.Copilot.Runtime.Gguf;

/// <summary>The members of <c>enum ggml_type</c> this project writes or reads.</summary>
public enum GgmlType
{
    F32 = 0,
    F16 = 1,
    Q4_0 = 2,
    Q8_0 = 8,
    Q4_K = 12,
    Q6_K = 14,
    /// <summary><c>GGML_TYPE_COUNT</c>: "no override" in the quantize parameters.</summary>
    Count = 43,
}
