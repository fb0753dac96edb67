using System.Globalization;
using Collab.Indexer.Evaluation;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Tests.Support;
using Xunit.Abstractions;

namespace Collab.Indexer.Tests.Evaluation;

/// <summary>
/// Recall@5 of BM25 alone and of hybrid retrieval on MiniLM, on the corpus's dev questions and on
/// our own question sets (English paraphrases, and the same needs asked in Czech, Croatian, Catalan,
/// Italian and German). Prints one row per set and each question hybrid retrieval misses.
/// </summary>
public class MultilingualRecallTests(EvalCorpusIndexes indexes, ITestOutputHelper output) : IClassFixture<EvalCorpusIndexes>
{
    /// <summary>
    /// Enforced floors, for BM25 alone (always measured) and for hybrid retrieval on MiniLM (measured with
    /// <c>COLLAB_EVAL_MINILM=1</c>). The targets are 0.9 in English and 0.8 elsewhere; the <c>heldout-*</c>
    /// sets were written before the ranking was tuned and were never tuned against (docs/copilot-quality.md).
    /// The dev English paraphrases (<c>en</c>) stay below 0.9.
    /// </summary>
    private static readonly (string Set, double Bm25Bar, double HybridBar)[] Sets =
    [
        ("dev", 0.925, 0.95), ("en", 0.75, 0.85), ("cs", 0.9, 0.9), ("hr", 0.9, 0.9), ("ca", 0.9, 0.9), ("it", 0.9, 0.9), ("de", 0.9, 0.9),
        ("heldout-en", 0.9, 0.9), ("heldout-cs", 0.925, 0.925), ("heldout-hr", 0.95, 0.95), ("heldout-ca", 0.9, 0.9), ("heldout-it", 0.9, 0.9),
        ("heldout-de", 0.95, 0.95),
        // Set D: three questions per language, written for issue 19's third round (BM25 as measured). The ca, de and hr
        // misses led to matching unknown words against the index's vocabulary (docs/copilot-quality.md), so set D is no
        // longer held out for them.
        ("heldout-d-en", 0.8, 0.7), ("heldout-d-cs", 0.85, 0.85), ("heldout-d-hr", 0.95, 0.95), ("heldout-d-ca", 0.85, 0.85), ("heldout-d-it", 0.75, 0.75), ("heldout-d-de", 0.8, 0.8),
        // Set E: six questions per language, written for issue 19's fourth round before any change for it. Its cs and hr
        // misses led to case endings, prefixes and common task words in the glossaries, so it is no longer held out for them.
        ("heldout-e-en", 0.9, 0.9), ("heldout-e-cs", 0.9, 0.9), ("heldout-e-hr", 0.95, 0.95), ("heldout-e-ca", 0.85, 0.85), ("heldout-e-it", 0.95, 0.95), ("heldout-e-de", 0.95, 0.95),
        // Set F: six questions per language, written for issue 19's fifth round before any change for it. Its misses led to BM25's
        // length normalisation and to common words in the de, ca, hr glossaries, so it is no longer held out (en is below the target).
        ("heldout-f-en", 0.6, 0.6), ("heldout-f-cs", 0.8, 0.8), ("heldout-f-hr", 0.9, 0.9), ("heldout-f-ca", 0.9, 0.9), ("heldout-f-it", 0.8, 0.8), ("heldout-f-de", 0.8, 0.8),
        // Set G: four questions per language, written for the sixth round before any change; its misses were read but nothing was changed for them:
        // the fresher check (en, cs and ca are below the targets, docs/copilot-quality.md).
        ("heldout-g-en", 0.7, 0.7), ("heldout-g-cs", 0.7, 0.7), ("heldout-g-hr", 0.95, 0.95), ("heldout-g-ca", 0.7, 0.7), ("heldout-g-it", 0.95, 0.95), ("heldout-g-de", 0.95, 0.95),
        // Set H: eight questions per language, written for the seventh round before any change. Its misses were read to find
        // general causes (docs/copilot-quality.md); the common forum words added to the glossaries came partly from them, so
        // its non-English figures are optimistic. Every language is far below the targets.
        ("heldout-h-en", 0.35, 0.4), ("heldout-h-cs", 0.55, 0.55), ("heldout-h-hr", 0.6, 0.6), ("heldout-h-ca", 0.45, 0.45), ("heldout-h-it", 0.45, 0.45), ("heldout-h-de", 0.45, 0.45),
        // Set I: eight questions per language, written for the eighth round before any change. Its cs, ca and it misses led to
        // "troubleshooting" beside "debug" in the glossaries' problem words (docs/copilot-quality.md), so it is no longer held out
        // for them; en, cs, ca and it are below the targets.
        ("heldout-i-en", 0.7, 0.7), ("heldout-i-cs", 0.7, 0.7), ("heldout-i-hr", 0.85, 0.85), ("heldout-i-ca", 0.65, 0.65), ("heldout-i-it", 0.7, 0.7), ("heldout-i-de", 0.8, 0.8),
        // Set J: ten questions per language, written for the ninth round before any change. Its cs, it and de misses led to verb
        // endings, German split verbs and common words in the glossaries (docs/copilot-quality.md), so it is no longer held out
        // for them. Floors allow one more miss than measured.
        ("heldout-j-en", 0.8, 0.8), ("heldout-j-cs", 0.9, 0.9), ("heldout-j-hr", 0.9, 0.9), ("heldout-j-ca", 0.8, 0.8), ("heldout-j-it", 0.9, 0.9), ("heldout-j-de", 0.9, 0.9),
        // Set M: ten symptom-style and how-to questions per language, written for the tenth round before any change. Its misses led
        // to common forum words in every glossary (docs/copilot-quality/m-retrieval.md), so its non-English figures are optimistic.
        // Floors allow one more miss than measured; BM25 alone misses three English questions that hybrid retrieval finds.
        ("heldout-m-en", 0.5, 0.8), ("heldout-m-cs", 0.7, 0.7), ("heldout-m-hr", 0.7, 0.7), ("heldout-m-ca", 0.8, 0.8), ("heldout-m-it", 0.7, 0.7), ("heldout-m-de", 0.8, 0.8),
    ];

    // Indexes the eval corpus (the class fixture) and asks every question set: close to a minute of CPU on two cores.
    [Fact, Trait("Needs", "Minutes")]
    public async Task Retrieval_reaches_the_floor_in_every_language()
    {
        var hybridBuild = indexes.Hybrid is null
            ? "; hybrid (MiniLM) not built, set COLLAB_EVAL_MINILM=1"
            : string.Create(CultureInfo.InvariantCulture, $", hybrid (MiniLM) {indexes.HybridBuild.TotalSeconds:0.0} s");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eval corpus: {indexes.Chunks} chunks; build BM25 {indexes.LexicalBuild.TotalSeconds:0.0} s") + hybridBuild);
        output.WriteLine("| set | questions | BM25 R@5 | BM25 MRR | hybrid R@5 | hybrid MRR |");
        output.WriteLine("|---|---|---|---|---|---|");
        var failures = new List<string>();
        foreach (var (set, bm25Bar, hybridBar) in Sets)
        {
            var questions = Load(set);
            var lexical = await MeasureAsync(indexes.Lexical, questions);
            (RankingMetrics Metrics, List<string> Misses)? hybrid = null;
            if (indexes.Hybrid is { } hybridRetriever) hybrid = await MeasureAsync(hybridRetriever, questions);
            var hybridCells = hybrid is { } h
                ? string.Create(CultureInfo.InvariantCulture, $"{h.Metrics.RecallAt5:0.000} | {h.Metrics.Mrr:0.000}")
                : "- | -";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {set} | {questions.Count} | {lexical.Metrics.RecallAt5:0.000} | {lexical.Metrics.Mrr:0.000} | ") + hybridCells + " |");
            var measured = hybrid ?? lexical;
            var bar = hybrid is null ? bm25Bar : hybridBar;
            foreach (var miss in measured.Misses) output.WriteLine($"    miss {miss}");
            if (measured.Metrics.RecallAt5 < bar) failures.Add($"{set}: Recall@5 {measured.Metrics.RecallAt5:0.000} < {bar}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IReadOnlyList<EvalQuestion> Load(string set) => QuestionSets.Load(set);

    private static async Task<(RankingMetrics Metrics, List<string> Misses)> MeasureAsync(IDocumentRetriever retriever, IReadOnlyList<EvalQuestion> questions)
    {
        var results = new List<(IReadOnlyList<string> Ranked, IReadOnlyList<string> Gold)>();
        var misses = new List<string>();
        foreach (var question in questions)
        {
            var hits = await retriever.SearchAsync(question.Question, 10);
            var ranked = hits.Select(h => h.Path).Distinct().ToList();
            results.Add((ranked, question.Gold));
            if (question.Gold.Any(g => !ranked.Take(5).Contains(g)))
                misses.Add($"{question.Id}: {question.Question} -> {string.Join(", ", ranked.Take(3).Select(Path.GetFileName))}");
        }
        return (RankingMetrics.Compute(results), misses);
    }
}
