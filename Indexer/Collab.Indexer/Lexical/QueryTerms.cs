namespace Collab.Indexer.Lexical;

/// <summary>
/// A query's distinct analysed terms, stemmed and as written, and the stemmed terms of the sentence
/// that asks (empty when the query is one sentence or asks nothing).
/// </summary>
internal sealed record QueryTerms(IReadOnlyList<string> Stemmed, IReadOnlyList<string> Exact)
{
    public IReadOnlySet<string> Asked { get; init; } = new HashSet<string>();

    public bool IsEmpty => Stemmed.Count == 0;
}
