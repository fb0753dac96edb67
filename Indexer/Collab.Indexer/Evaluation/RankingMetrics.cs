namespace Collab.Indexer.Evaluation;

/// <summary>File-level retrieval quality over a question set: Recall@1/5/10 (share of gold files found) and MRR.</summary>
public sealed record RankingMetrics(double RecallAt1, double RecallAt5, double RecallAt10, double Mrr)
{
    /// <param name="results">Per question: the ranked distinct file paths retrieved, and the gold paths.</param>
    public static RankingMetrics Compute(IReadOnlyList<(IReadOnlyList<string> Ranked, IReadOnlyList<string> Gold)> results)
    {
        if (results.Count == 0) return new RankingMetrics(0, 0, 0, 0);
        double Recall(int k) => results.Average(r => r.Gold.Count(g => r.Ranked.Take(k).Contains(g)) / (double)r.Gold.Count);
        var mrr = results.Average(r =>
        {
            var rank = r.Ranked.ToList().FindIndex(path => r.Gold.Contains(path));
            return rank < 0 ? 0 : 1.0 / (rank + 1);
        });
        return new RankingMetrics(Recall(1), Recall(5), Recall(10), mrr);
    }
}
