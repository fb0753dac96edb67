namespace Collab.Indexer.Lexical;

/// <summary>
/// A query's distinct analysed terms, stemmed and as written, and the stemmed terms of the sentence
/// that asks (empty when the query is one sentence or asks nothing), and the documentation's words related to them.
/// </summary>
internal sealed record QueryTerms(IReadOnlyList<string> Stemmed, IReadOnlyList<string> Exact)
{
    public IReadOnlySet<string> Asked { get; init; } = new HashSet<string>();

    /// <summary>Stemmed documentation words near a question's word in meaning, with their weight (<see cref="Retrieval.RelatedWords"/>).</summary>
    public IReadOnlyDictionary<string, float> Related { get; init; } = new Dictionary<string, float>();

    public bool IsEmpty => Stemmed.Count == 0;
}
