namespace Collab.Indexer.Retrieval;

/// <summary>A file in the final ranking, with its best chunk.</summary>
internal sealed record RankedFile(string Path, double Score, int BestChunkDoc);
