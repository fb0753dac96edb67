using Collab.Indexer.Translation;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Collab.Indexer.Lexical;

/// <summary>The unstemmed body words of one snapshot's index, read from Lucene's term dictionary.</summary>
internal sealed class LexicalVocabulary(IndexReader reader, string field) : IIndexVocabulary
{
    /// <summary>Words sharing a prefix are read up to this many, so a short prefix never walks the whole dictionary.</summary>
    private const int MaxScanned = 200;

    public bool Contains(string word) => reader.DocFreq(new Term(field, word)) > 0;

    public IReadOnlyList<string> WithPrefix(string prefix, int max, int maxLength)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || max <= 0) return [];
        var iterator = terms.GetEnumerator();
        var start = new BytesRef(prefix);
        if (iterator.SeekCeil(start) == TermsEnum.SeekStatus.END) return [];
        var found = new List<(string Word, int DocFreq)>();
        do
        {
            var term = iterator.Term;
            if (!StringHelper.StartsWith(term, start)) break;
            var word = term.Utf8ToString();
            // Identifiers and numbers are not words another language shares with English.
            if (word.Length <= maxLength && word.All(char.IsAsciiLetterLower)) found.Add((word, iterator.DocFreq));
        }
        while (found.Count < MaxScanned && iterator.MoveNext());
        return found.OrderByDescending(f => f.DocFreq).ThenBy(f => f.Word, StringComparer.Ordinal).Take(max).Select(f => f.Word).ToList();
    }
}
