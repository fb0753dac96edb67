namespace Collab.Indexer.Retrieval;

/// <summary>
/// Merges rankings by summing 1/(k + rank): it needs no calibration between scores that live on
/// unrelated scales (BM25 of chunks, BM25 of files, cosine).
/// </summary>
internal static class ReciprocalRankFusion
{
    private const int K = 60;

    public static Dictionary<T, double> Fuse<T>(params IReadOnlyList<T>[] rankings) where T : notnull
    {
        var scores = new Dictionary<T, double>();
        foreach (var ranking in rankings)
            for (var rank = 0; rank < ranking.Count; rank++)
                scores[ranking[rank]] = scores.GetValueOrDefault(ranking[rank]) + 1.0 / (K + rank + 1);
        return scores;
    }
}
