using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Collab.Indexer.Lexical;

/// <summary>
/// Turns a question or a pasted error into BM25 queries: every analysed term may match in any field,
/// with matches in titles and headings worth more than matches in body text, and words used in the
/// page's exact form worth a little more than words that only share a stem.
/// </summary>
internal sealed class ChunkQueryBuilder
{
    /// <summary>Pasted logs can be long; the first distinct terms carry the error, the rest is noise.</summary>
    private const int MaxTerms = 200;

    /// <summary>Short fields that summarise a passage: a match there says more than one in running text.</summary>
    private const float SummaryBoost = 1.5f;

    private const float ExactBoost = 0.5f;

    /// <summary>Shortest word corrected: short words one edit apart are often different words ("pod", "pad").</summary>
    private const int MinFuzzyLength = 5;
    /// <summary>Longest word corrected: no real word is longer, and a pasted 40 KB token's Levenshtein automaton took seconds of CPU.</summary>
    private const int MaxFuzzyLength = 40;

    /// <summary>A corrected word is a guess, worth less than a word the page uses.</summary>
    private const float FuzzyBoost = 0.7f;

    private readonly Analyzer _analyzer = new LexicalAnalyzer();

    public QueryTerms Analyze(string text) =>
        new(Terms(ChunkFields.Chunk.Body, text), Terms(ChunkFields.Chunk.ExactBody, text));

    /// <summary>
    /// One clause per stemmed term; within it the best field counts fully and the others a little
    /// (dis-max), so a word repeated in title, heading and body is not counted three times.
    /// </summary>
    /// <param name="terms">The question's words, stemmed and unstemmed.</param>
    /// <param name="fields">The fields searched and their boosts.</param>
    /// <param name="isUnknown">
    /// When given, says whether a word occurs nowhere in the body text: such a word (a misspelling such as
    /// "dieing" or "authenticaton", a variant the stemmer leaves apart) matches the index's words one or two
    /// edits away instead of matching nothing.
    /// </param>
    /// <param name="askedBoost">Weight of the terms of the sentence that asks (<see cref="QueryTerms.Asked"/>); the others weigh 1.</param>
    public static Query Build(QueryTerms terms, SearchFields fields, Func<string, bool>? isUnknown = null, float askedBoost = 1)
    {
        var query = new BooleanQuery();
        foreach (var term in terms.Stemmed)
        {
            var perField = new DisjunctionMaxQuery(tieBreakerMultiplier: 0.3f)
            {
                BodyQuery(fields.Body, term, isUnknown),
                new TermQuery(new Term(fields.Headings, term)) { Boost = SummaryBoost },
                new TermQuery(new Term(fields.Title, term)) { Boost = SummaryBoost },
                new TermQuery(new Term(fields.PathWords, term)),
                new TermQuery(new Term(fields.Tags, term)),
            };
            if (terms.Asked.Contains(term)) perField.Boost = askedBoost;
            query.Add(perField, Occur.SHOULD);
        }
        foreach (var term in terms.Exact)
            query.Add(new TermQuery(new Term(fields.ExactBody, term)) { Boost = ExactBoost }, Occur.SHOULD);
        return query;
    }

    private static Query BodyQuery(string field, string term, Func<string, bool>? isUnknown)
    {
        var exact = new Term(field, term);
        if (isUnknown is null || term.Length is < MinFuzzyLength or > MaxFuzzyLength || !term.All(char.IsAsciiLetterLower) || !isUnknown(term)) return new TermQuery(exact);
        // Long words can carry two typos; the first letter is kept, typos there are rare and it keeps the expansion small.
        return new FuzzyQuery(exact, term.Length >= 8 ? 2 : 1, prefixLength: 1) { Boost = FuzzyBoost };
    }

    private List<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && terms.Count < MaxTerms)
        {
            var value = term.ToString();
            if (!terms.Contains(value)) terms.Add(value);
        }
        stream.End();
        return terms;
    }
}
