using System.Globalization;
using Collab.Indexer.Embeddings;
using Collab.Indexer.Evaluation;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Collab.Indexer.Tests.Support;
using Collab.Indexer.Vectors;
using Xunit.Abstractions;

namespace Collab.Indexer.Tests.Evaluation;

/// <summary>
/// How the fusion settings compare, set by set, on the hybrid (MiniLM) index: the table the defaults of
/// <see cref="RankingWeights"/> were chosen from (on the dev sets only). Runs with <c>COLLAB_EVAL_MINILM=1</c>;
/// it asserts nothing beyond running, the floors live in <see cref="MultilingualRecallTests"/>.
/// </summary>
public class RankingWeightsSweep(EvalCorpusIndexes indexes, ITestOutputHelper output) : IClassFixture<EvalCorpusIndexes>
{
    private static readonly string[] Sets =
        ["dev", "en", "cs", "hr", "ca", "it", "de", "heldout-en", "heldout-cs", "heldout-hr", "heldout-ca", "heldout-it", "heldout-de"];

    [Fact]
    public async Task Fusion_settings_compared_on_every_question_set()
    {
        if (indexes.HybridHost is not { } host)
        {
            output.WriteLine("hybrid index not built; set COLLAB_EVAL_MINILM=1");
            return;
        }
        var embeddings = new MemoizingEmbeddingGenerator(host.Service<IndexEmbeddings>().Generator!);
        var candidates = new List<(string Name, RankingWeights Weights)>
        {
            ("default", RankingWeights.Default),
        };
        foreach (var share in new[] { 0.3, 0.5, 0.6, 0.7, 0.8 })
            candidates.Add(($"file RRF {share}/{share}", new RankingWeights { Method = FusionMethod.Rrf, LexicalShare = share, TranslatedLexicalShare = share }));
        foreach (var translated in new[] { 0.8, 0.9, 1.0 })
            candidates.Add(($"file RRF 0.5/{translated}", new RankingWeights { Method = FusionMethod.Rrf, TranslatedLexicalShare = translated }));
        foreach (var share in new[] { 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 })
            candidates.Add(($"convex {share}/{share}", new RankingWeights { Method = FusionMethod.Convex, LexicalShare = share, TranslatedLexicalShare = share }));
        candidates.Add(("file RRF k=20 0.5", new RankingWeights { Method = FusionMethod.Rrf, RrfK = 20, TranslatedLexicalShare = 0.5 }));
        candidates.Add(("default without spelling correction", RankingWeights.Default with { CorrectSpelling = false }));

        output.WriteLine("| weights | " + string.Join(" | ", Sets) + " |");
        output.WriteLine("|---|" + string.Concat(Sets.Select(_ => "---|")));
        using (var plain = new DocumentRetriever(indexes.LexicalHost.Service<IndexSnapshotStore>(), indexes.LexicalHost.Service<IVectorStore>(), null, 0.25f,
                   new RankingWeights { CorrectSpelling = false }))
        {
            var row = new List<string>();
            foreach (var set in Sets) row.Add(Format(await RecallAsync(plain, set)));
            output.WriteLine("| BM25 alone | " + string.Join(" | ", row) + " |");
        }
        using (var spelling = new DocumentRetriever(indexes.LexicalHost.Service<IndexSnapshotStore>(), indexes.LexicalHost.Service<IVectorStore>(), null, 0.25f,
                   new RankingWeights()))
        {
            var row = new List<string>();
            foreach (var set in Sets) row.Add(Format(await RecallAsync(spelling, set)));
            output.WriteLine("| BM25 alone, spelling corrected | " + string.Join(" | ", row) + " |");
        }
        foreach (var (name, weights) in candidates)
        {
            using var retriever = new DocumentRetriever(host.Service<IndexSnapshotStore>(), host.Service<IVectorStore>(), embeddings, 0.25f, weights);
            var row = new List<string>();
            foreach (var set in Sets) row.Add(Format(await RecallAsync(retriever, set)));
            output.WriteLine($"| {name} | " + string.Join(" | ", row) + " |");
        }
    }

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static async Task<double> RecallAsync(IDocumentRetriever retriever, string set)
    {
        var results = new List<(IReadOnlyList<string> Ranked, IReadOnlyList<string> Gold)>();
        foreach (var question in QuestionSets.Load(set))
        {
            var hits = await retriever.SearchAsync(question.Question, 10);
            results.Add((hits.Select(h => h.Path).Distinct().ToList(), question.Gold));
        }
        return RankingMetrics.Compute(results).RecallAt5;
    }
}
