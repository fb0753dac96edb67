namespace Collab.Indexer.Lexical;

/// <summary>A query's distinct analysed terms, stemmed and as written.</summary>
internal sealed record QueryTerms(IReadOnlyList<string> Stemmed, IReadOnlyList<string> Exact)
{
    public bool IsEmpty => Stemmed.Count == 0;
}
