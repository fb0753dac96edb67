using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Collab.Indexer.Analysis;

/// <summary>
/// The analyzer used for both indexing and queries: technical identifiers kept whole and split
/// into parts, lower-cased, English stop words removed, prose stemmed (Porter) while whole
/// identifiers stay unstemmed. With <paramref name="stem"/> false it keeps words as written, for
/// fields that reward a question using the page's exact word forms.
/// </summary>
public sealed class TechnicalAnalyzer(bool stem = true) : Analyzer
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly CharArraySet _stopWords = EnglishStopWords.Create();

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new TechnicalTokenizer(reader);
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new IdentifierPartsFilter(stream);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, _stopWords);
        if (stem) stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
