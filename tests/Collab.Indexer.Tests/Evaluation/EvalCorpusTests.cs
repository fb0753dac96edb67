using Collab.Indexer.Evaluation;
using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Evaluation;

public class EvalCorpusTests
{
    // Indexes the whole docs corpus and asks every dev question: a minute and more of CPU on two cores.
    [Fact, Trait("Needs", "Minutes")]
    public async Task Recall_at_5_on_the_dev_questions_reaches_the_bar_and_beats_the_whole_file_baseline()
    {
        var corpus = RepositoryPaths.EvalCorpus;
        var questions = EvalQuestion.ReadJsonLines(Path.Combine(corpus, "dev-questions.jsonl"));
        using var index = new TempFolder();
        using var host = new IndexerHost(index.Path);

        var summary = await host.Builder.BuildAsync(corpus);
        Assert.Empty(summary.Warnings);

        using var baseline = new WholeFileBaseline(corpus, [".md"]);
        var report = await RetrievalEvaluator.EvaluateAsync(host.Retriever, baseline, questions);

        Assert.True(report.Ours.RecallAt5 >= 0.85, report.SummaryLine);
        Assert.True(report.Ours.RecallAt5 > report.Baseline.RecallAt5, report.SummaryLine);
        Assert.True(report.Ours.Mrr > report.Baseline.Mrr, report.SummaryLine);
    }

    [Fact]
    public void Metrics_count_the_share_of_gold_files_in_the_top_k_and_the_first_gold_rank()
    {
        var metrics = RankingMetrics.Compute(
        [
            (["x", "a", "y", "z", "w", "b"], ["a", "b"]),
            (["c"], ["c"]),
        ]);
        Assert.Equal(0.5, metrics.RecallAt1);
        Assert.Equal(0.75, metrics.RecallAt5);
        Assert.Equal(1.0, metrics.RecallAt10);
        Assert.Equal(0.75, metrics.Mrr);
    }
}
