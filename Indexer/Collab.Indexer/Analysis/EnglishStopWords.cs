using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Collab.Indexer.Analysis;

/// <summary>
/// Function words and the filler of questions ("how do I", "I'd like to"). Larger than Lucene's
/// default list because queries here are whole questions, not keywords.
/// </summary>
internal static class EnglishStopWords
{
    private static readonly string[] Words =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
        "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
        "this", "to", "was", "will", "with", "how", "what", "which", "who", "whom", "why", "when", "where",
        "do", "does", "did", "doing", "done", "can", "could", "should", "would", "may", "might", "must",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "she", "him", "her", "his", "its", "them",
        "am", "been", "being", "have", "has", "had", "having", "so", "than", "too", "very", "just", "also",
        "any", "some", "each", "other", "about", "from", "here", "s", "t", "d", "ll", "m", "re", "ve",
        "i'd", "i'm", "i've", "i'll", "can't", "don't", "doesn't", "won't", "isn't", "aren't", "didn't",
        "it's", "what's", "there's", "let", "like", "want", "need", "way", "thing", "things", "e.g", "i.e",
        "etc", "those", "only", "own", "same", "both", "more", "most", "again", "because", "while",
    ];

    public static CharArraySet Create() =>
        CharArraySet.Copy(LuceneVersion.LUCENE_48, Words).AsReadOnly();
}
