namespace Collab.Indexer.Chunking;

/// <summary>How large chunks may grow.</summary>
public sealed class ChunkingOptions
{
    /// <summary>
    /// Upper bound in cl100k tokens. A single code block larger than this stays whole in a chunk of its own,
    /// since half a command or manifest is worse than a long chunk.
    /// </summary>
    public int MaxTokens { get; set; } = 400;
}
