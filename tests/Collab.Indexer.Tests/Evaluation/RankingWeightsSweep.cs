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
/// How ranking settings compare on every question set (dev, held-out, sets D to H, every language): BM25 rows for
/// settings that change BM25's ranking, hybrid (MiniLM) rows with <c>COLLAB_EVAL_MINILM=1</c>. The table the defaults of
/// <see cref="RankingWeights"/> were chosen from; it asserts nothing beyond running, the floors live in
/// <see cref="MultilingualRecallTests"/>.
/// </summary>
public class RankingWeightsSweep(EvalCorpusIndexes indexes, ITestOutputHelper output) : IClassFixture<EvalCorpusIndexes>
{
    private static readonly string[] Sets =
    [
        "dev", "en", "cs", "hr", "ca", "it", "de", "heldout-en", "heldout-cs", "heldout-hr", "heldout-ca", "heldout-it", "heldout-de",
        .. new[] { "d", "e", "f", "g", "h", "i" }.SelectMany(set => new[] { "en", "cs", "hr", "ca", "it", "de" }.Select(language => $"heldout-{set}-{language}")),
    ];

    // A comparison table over every question set, minutes of CPU; it asserts nothing the recall floors don't.
    [Fact, Trait("Needs", "Minutes")]
    public async Task Ranking_settings_compared_on_every_question_set()
    {
        // Lexical: the setting changes BM25's ranking too, so it gets a BM25 row as well as a hybrid one.
        var candidates = new List<(string Name, RankingWeights Weights, bool Lexical)>
        {
            ("default", RankingWeights.Default, true),
            ("without spelling correction", RankingWeights.Default with { CorrectSpelling = false }, true),
        };
        foreach (var boost in new[] { 1f, 2f, 3f })
            candidates.Add(($"asking sentence {boost}", RankingWeights.Default with { AskedBoost = boost }, true));
        foreach (var share in new[] { 0.3, 0.5, 0.7 })
            candidates.Add(($"file RRF {share}/{share}", RankingWeights.Default with { Method = FusionMethod.Rrf, LexicalShare = share, TranslatedLexicalShare = share }, false));
        foreach (var share in new[] { 0.3, 0.4, 0.6, 0.7, 0.8 })
            candidates.Add(($"convex {share}/{share}", RankingWeights.Default with { LexicalShare = share, TranslatedLexicalShare = share }, false));
        foreach (var share in new[] { 0.7, 0.8, 0.9 })
            candidates.Add(($"convex 0.5/{share} (translated)", RankingWeights.Default with { TranslatedLexicalShare = share }, false));

        output.WriteLine("| weights | index | " + string.Join(" | ", Sets) + " |");
        var embeddings = indexes.HybridHost is { } hybridHost ? new MemoizingEmbeddingGenerator(hybridHost.Service<IndexEmbeddings>().Generator!) : null;
        foreach (var (name, weights, lexicalRow) in candidates)
        {
            if (lexicalRow)
                using (var lexical = new DocumentRetriever(indexes.LexicalHost.Service<IndexSnapshotStore>(), indexes.LexicalHost.Service<IVectorStore>(), null, 0.25f, weights))
                    output.WriteLine($"| {name} | BM25 | " + string.Join(" | ", await RowAsync(lexical)) + " |");
            if (indexes.HybridHost is not { } host) continue;
            using var hybrid = new DocumentRetriever(host.Service<IndexSnapshotStore>(), host.Service<IVectorStore>(), embeddings, 0.25f, weights);
            output.WriteLine($"| {name} | hybrid | " + string.Join(" | ", await RowAsync(hybrid)) + " |");
        }
    }

    private static async Task<List<string>> RowAsync(IDocumentRetriever retriever)
    {
        var row = new List<string>();
        foreach (var set in Sets) row.Add(Format(await RecallAsync(retriever, set)));
        return row;
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
