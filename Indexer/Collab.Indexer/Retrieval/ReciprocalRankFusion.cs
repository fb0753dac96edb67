namespace Collab.Indexer.Retrieval;

/// <summary>
/// Merges rankings by summing weight/(k + rank): it needs no calibration between scores that live on
/// unrelated scales (BM25 of chunks, BM25 of files, cosine).
/// </summary>
internal static class ReciprocalRankFusion
{
    public static Dictionary<T, double> Fuse<T>(int k, IEnumerable<(IReadOnlyList<T> Ranking, double Weight)> rankings) where T : notnull
    {
        var scores = new Dictionary<T, double>();
        foreach (var (ranking, weight) in rankings)
            for (var rank = 0; rank < ranking.Count; rank++)
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + weight / (k + rank + 1);
        return scores;
    }
}
