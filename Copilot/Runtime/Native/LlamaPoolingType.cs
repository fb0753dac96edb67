namespace Collab.Copilot.Runtime.Native;

/// <summary><c>enum llama_pooling_type</c>.</summary>
internal enum LlamaPoolingType
{
    Unspecified = -1,
    None = 0,
    Mean = 1,
    Cls = 2,
    Last = 3,
    Rank = 4,
}
