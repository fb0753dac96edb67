using Collab.Indexer.Embeddings;

namespace Collab.Indexer.Hosting;

/// <summary>Configuration section <c>Indexer</c>.</summary>
public sealed class IndexerOptions
{
    public const string Section = "Indexer";

    /// <summary>Index folder: holds the snapshots and the <c>CURRENT</c> pointer.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>Chunk bound in cl100k tokens.</summary>
    public int MaxChunkTokens { get; set; } = 400;

    /// <summary>File name endings that are indexed; everything else in the directory is ignored.</summary>
    public string[] FileExtensions { get; set; } = [".md", ".markdown"];

    /// <summary>Chunks sent to the embedding generator per call.</summary>
    public int EmbeddingBatchSize { get; set; } = 32;

    /// <summary>
    /// The embedding model of hybrid retrieval: <c>MiniLM</c> (default, ships in the build, CPU),
    /// <c>ArcticXs</c>, <c>Host</c> (the language model's generator) or <c>None</c> (BM25 alone).
    /// </summary>
    public EmbeddingModel Embeddings { get; set; } = EmbeddingModel.MiniLM;

    /// <summary>Characters of a chunk (title, headings, then text) given to the packaged models; bounds index build time.</summary>
    public int EmbeddingMaxChars { get; set; } = 800;

    /// <summary>
    /// Folder of the embedding cache (vectors by model and passage text, so rebuilds embed only changed
    /// passages); empty means <c>embedding-cache</c> inside <see cref="IndexPath"/>.
    /// </summary>
    public string EmbeddingCachePath { get; set; } = "";

    /// <summary>Least cosine similarity for a vector match to count; below it a passage is not related to the question.</summary>
    public float MinVectorSimilarity { get; set; } = 0.25f;
}
