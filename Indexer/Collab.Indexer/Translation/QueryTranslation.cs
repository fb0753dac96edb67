namespace Collab.Indexer.Translation;

/// <summary>A query as the English index is searched with it.</summary>
/// <param name="Language">ISO 639-1 code of the language the query was recognised as (<c>en</c> when left as written).</param>
/// <param name="Text">The query in English documentation terms: known words translated, function words dropped, everything else (names, identifiers, numbers) kept.</param>
public sealed record QueryTranslation(string Language, string Text)
{
    /// <summary>True when the query was rewritten from another language.</summary>
    public bool IsTranslated => Language != "en";
}
