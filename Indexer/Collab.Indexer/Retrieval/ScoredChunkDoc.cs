namespace Collab.Indexer.Retrieval;

/// <summary>A candidate chunk by Lucene doc id, with the score its ranking (BM25 or fused) gave it.</summary>
internal sealed record ScoredChunkDoc(int DocId, string Path, double Score);
