using Collab.Indexer.Analysis;
using Lucene.Net.Analysis;

namespace Collab.Indexer.Lexical;

/// <summary>The index's analyzer: stemmed for every field except the <c>*_exact</c> ones.</summary>
internal sealed class LexicalAnalyzer() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    private readonly TechnicalAnalyzer _stemmed = new();
    private readonly TechnicalAnalyzer _exact = new(stem: false);

    protected override Analyzer GetWrappedAnalyzer(string fieldName) =>
        fieldName.EndsWith(ChunkFields.ExactSuffix, StringComparison.Ordinal) ? _exact : _stemmed;
}
