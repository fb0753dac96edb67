namespace Collab.Indexer.Vectors;

/// <summary>The embedding of one chunk.</summary>
public sealed record ChunkVector(string ChunkId, string Path, ReadOnlyMemory<float> Vector);
