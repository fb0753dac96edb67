namespace Collab.Indexer.Vectors;

/// <summary>What one build changes in a vector store.</summary>
/// <param name="Added">Embeddings of chunks that are new in this build.</param>
/// <param name="RemovedChunkIds">Chunks that the new snapshot no longer holds.</param>
public sealed record VectorChanges(IReadOnlyList<ChunkVector> Added, IReadOnlyCollection<string> RemovedChunkIds)
{
    public bool IsEmpty => Added.Count == 0 && RemovedChunkIds.Count == 0;
}
