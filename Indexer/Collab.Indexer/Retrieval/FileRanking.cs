namespace Collab.Indexer.Retrieval;

/// <summary>
/// Ranks files from their chunks' scores. The best chunk decides (a page is as relevant as its best
/// passage); the next two add a little, so between two equally good passages the page that also
/// answers elsewhere wins, without long pages winning merely by having many sections.
/// </summary>
internal static class FileRanking
{
    private static readonly double[] ChunkWeights = [1.0, 0.3, 0.1];

    public static IReadOnlyList<RankedFile> Rank(IReadOnlyList<ScoredChunkDoc> chunks) =>
        chunks
            .GroupBy(c => c.Path, StringComparer.Ordinal)
            .Select(file =>
            {
                var ordered = file.OrderByDescending(c => c.Score).ToList();
                var score = ordered.Take(ChunkWeights.Length).Select((c, i) => c.Score * ChunkWeights[i]).Sum();
                return new RankedFile(file.Key, score, ordered[0].DocId);
            })
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
}
