using System.Globalization;

namespace Collab.Indexer.Evaluation;

/// <summary>Our retrieval and the baseline on the same questions, with our query latency.</summary>
public sealed record EvalReport(
    RankingMetrics Ours,
    RankingMetrics Baseline,
    double P50Milliseconds,
    double P95Milliseconds,
    IReadOnlyList<QuestionOutcome> Outcomes)
{
    /// <summary>The machine-readable line scripts check: <c>recall@5=… baseline_recall@5=… mrr=… p95_ms=…</c>.</summary>
    public string SummaryLine => string.Create(CultureInfo.InvariantCulture,
        $"recall@5={Ours.RecallAt5:0.000} baseline_recall@5={Baseline.RecallAt5:0.000} mrr={Ours.Mrr:0.000} p95_ms={P95Milliseconds:0.00}");
}
