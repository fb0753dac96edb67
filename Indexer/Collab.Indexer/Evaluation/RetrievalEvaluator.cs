using System.Diagnostics;
using Collab.Indexer.Retrieval;

namespace Collab.Indexer.Evaluation;

/// <summary>Runs a question set against a retriever and the whole-file baseline, at file level.</summary>
public static class RetrievalEvaluator
{
    private const int Depth = 10;

    /// <summary>Timed passes over the question set; more samples make the p95 less hostage to one hiccup.</summary>
    private const int TimedPasses = 5;

    public static async Task<EvalReport> EvaluateAsync(
        IDocumentRetriever retriever, WholeFileBaseline baseline, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken = default)
    {
        // One untimed pass first so JIT and cold caches do not count as query latency.
        foreach (var question in questions) await retriever.SearchAsync(question.Question, Depth, cancellationToken);

        var outcomes = new List<QuestionOutcome>(questions.Count);
        var latencies = new List<double>(questions.Count * TimedPasses);
        foreach (var question in questions)
        {
            IReadOnlyList<DocumentHit> hits = [];
            var times = new List<double>(TimedPasses);
            for (var pass = 0; pass < TimedPasses; pass++)
            {
                var stopwatch = Stopwatch.StartNew();
                hits = await retriever.SearchAsync(question.Question, Depth, cancellationToken);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
            latencies.AddRange(times);
            var ranked = hits.Select(h => h.Path).Distinct().ToList();
            outcomes.Add(new QuestionOutcome(question, ranked, baseline.Search(question.Question, Depth), times.Order().ElementAt(TimedPasses / 2)));
        }
        latencies.Sort();
        return new EvalReport(
            RankingMetrics.Compute(outcomes.Select(o => (o.Ranked, o.Question.Gold)).ToList()),
            RankingMetrics.Compute(outcomes.Select(o => (o.BaselineRanked, o.Question.Gold)).ToList()),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            outcomes);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
