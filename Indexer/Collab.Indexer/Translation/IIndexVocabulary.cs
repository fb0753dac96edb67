namespace Collab.Indexer.Translation;

/// <summary>
/// The words the English documentation uses (lower case, unstemmed), so that a question's word the
/// glossary does not know can be matched to the documentation's spelling of the same word.
/// </summary>
public interface IIndexVocabulary
{
    /// <summary>True when the documentation uses <paramref name="word"/> as written.</summary>
    bool Contains(string word);

    /// <summary>
    /// Up to <paramref name="max"/> documentation words of letters only, no longer than <paramref name="maxLength"/>,
    /// starting with <paramref name="prefix"/>, most widely used first.
    /// </summary>
    IReadOnlyList<string> WithPrefix(string prefix, int max, int maxLength);
}
