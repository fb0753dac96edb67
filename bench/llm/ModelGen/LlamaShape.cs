namespace Collab.Copilot.ModelGen;

/// <summary>The hyper-parameters that fix a llama-architecture model's tensor shapes.</summary>
public sealed record LlamaShape(
    string Name,
    int VocabularySize,
    int EmbeddingLength,
    int BlockCount,
    int HeadCount,
    int KvHeadCount,
    int FeedForwardLength,
    int ContextLength,
    float RopeFreqBase,
    float RmsNormEpsilon)
{
    /// <summary>A model small enough for CI on two CPU cores (about 26 MB, mostly the embedding table).</summary>
    public static LlamaShape Tiny { get; } = new("collab-tiny-random", 100_352, 64, 2, 4, 2, 192, 4096, 10_000f, 1e-5f);

    /// <summary>The exact tensor shapes of Llama-3.1-8B (its vocabulary size, GQA 32/8, 14336 FFN).</summary>
    public static LlamaShape Llama31_8B { get; } = new("llama-3.1-8b-shaped-random", 128_256, 4096, 32, 32, 8, 14_336, 131_072, 500_000f, 1e-5f);

    /// <summary>The exact tensor shapes of Llama-3.2-1B.</summary>
    public static LlamaShape Llama32_1B { get; } = new("llama-3.2-1b-shaped-random", 128_256, 2048, 16, 32, 8, 8192, 131_072, 500_000f, 1e-5f);

    /// <summary>Per-head dimension.</summary>
    public int HeadDimension => EmbeddingLength / HeadCount;

    /// <summary>Looks a preset up by its command-line name.</summary>
    public static LlamaShape Named(string name) => name switch
    {
        "tiny" => Tiny,
        "llama-3.1-8b" => Llama31_8B,
        "llama-3.2-1b" => Llama32_1B,
        _ => throw new ArgumentException($"Unknown shape '{name}' (tiny, llama-3.2-1b, llama-3.1-8b)."),
    };
}
