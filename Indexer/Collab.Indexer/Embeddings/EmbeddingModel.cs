namespace Collab.Indexer.Embeddings;

/// <summary>Which embedding model hybrid retrieval runs on (<c>Indexer:Embeddings</c>).</summary>
public enum EmbeddingModel
{
    /// <summary>all-MiniLM-L6-v2 on ONNX Runtime, shipped inside its NuGet package: 384 dimensions, CPU only.</summary>
    MiniLM,
    /// <summary>Snowflake arctic-embed-xs on ONNX Runtime, shipped inside its NuGet package: 384 dimensions, CPU only.</summary>
    ArcticXs,
    /// <summary>Whatever <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> the host registered (the language model's, an OpenAI-compatible server's); BM25 alone when there is none.</summary>
    Host,
    /// <summary>No vectors: BM25 alone.</summary>
    None,
}
