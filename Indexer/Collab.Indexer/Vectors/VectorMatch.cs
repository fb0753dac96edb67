namespace Collab.Indexer.Vectors;

/// <summary>A chunk found by vector search, with its cosine similarity to the query.</summary>
public sealed record VectorMatch(string ChunkId, float Score);
