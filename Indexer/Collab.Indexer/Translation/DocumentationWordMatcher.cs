namespace Collab.Indexer.Translation;

/// <summary>
/// Finds the documentation's English words for a word of a translated question that the glossary
/// leaves as written. General ways, tried in order, none of them a list of phrases: the word is
/// another form of a glossary word ("inaktive" of "inaktivität"); it is the documentation's own once
/// diacritics are dropped or the language's letter correspondences applied ("Inaktive"); it is a cognate that
/// shares a long beginning with documentation words, after the language's letter correspondences
/// ("administrador" → administrator, "Konfiguration" → configuration, "preempció" → preemption); or,
/// in a language that writes compounds as one word, it is a compound of such words
/// ("Reservekapazität" → reserve capacity, "Beispielkonfiguration" → configure). Before a cognate is guessed,
/// a borrowed word carrying the language's case ending is the documentation's word ("jobu", "clustera",
/// "nodove" → job, cluster, node) and a known word behind a negation or verb prefix is that word
/// ("nespouští", "nasdílet").
/// </summary>
internal sealed class DocumentationWordMatcher(TermGlossary glossary, IIndexVocabulary vocabulary)
{
    /// <summary>A shared beginning shorter than this is as often chance as kinship.</summary>
    private const int MinCognatePrefix = 6;

    /// <summary>
    /// Share of the word, and of each documentation word it is matched to, that the shared beginning must
    /// cover: the rest is each language's own ending, not a longer word ("capacitat" is not "capacityRevoked").
    /// </summary>
    private const double MinCognateShare = 0.6;

    /// <summary>
    /// Documentation words a cognate stands for: the most used one. Its other forms ("preemption" beside
    /// "preempt") share its stem and only gave the word more weight than the question's other words.
    /// </summary>
    private const int CognateWords = 1;

    /// <summary>Shortest part of a compound: shorter pieces match by chance.</summary>
    private const int MinCompoundPart = 4;

    /// <summary>Shortest final part that stands for a compound on its own, its first part unknown (shorter ones are often chance: "ausgef|allen").</summary>
    private const int MinCompoundHead = 6;

    /// <summary>The English words for <paramref name="folded"/> (lower case, no diacritics), or null when none is found.</summary>
    public string? Match(string folded) => Part(folded) ?? Compound(folded);

    /// <summary>
    /// The rest of a word after a glossary stem, when it is a word of its own ("speicher|limit"), or null
    /// (an inflection ending, or nothing the documentation uses).
    /// </summary>
    public string? Rest(string folded, int covered) =>
        glossary.WritesCompounds && folded.Length - covered >= MinCompoundPart ? Part(folded[covered..]) : null;

    /// <summary>
    /// True when a glossary stem covers only the start of a word the documentation uses as written, the rest being a word
    /// of its own ("clusterqueues" is not "cluster*" with an ending): the documentation's word then says more than the stem's terms.
    /// </summary>
    public bool IsDocumentationCompound(string folded, int covered) =>
        folded.Length - covered >= MinCompoundPart && vocabulary.Contains(folded);

    private string? Part(string word)
    {
        // A whole-word entry, or a stem followed by no more than an ending.
        if (glossary.Match(word) is { } known && word.Length - known.Covered < MinCompoundPart) return known.Terms;
        // A word the documentation uses as written ("priorityclass") is kept before any guess.
        if (vocabulary.Contains(word)) return word;
        if (glossary.LookupForm(word) is { } form) return form;
        foreach (var spelling in Spellings(word))
            if (vocabulary.Contains(spelling)) return spelling;
        return Inflected(word) ?? Prefixed(word) ?? Cognate(word);
    }

    /// <summary>Shortest stem left after a prefix is taken off: shorter ones are other words by chance.</summary>
    private const int MinStem = 3;

    private string? Inflected(string word)
    {
        foreach (var ending in glossary.Endings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal) || word.Length - ending.Length < glossary.EndingStem) continue;
            var stem = word[..^ending.Length];
            foreach (var spelling in Spellings(stem))
                if (vocabulary.Contains(spelling)) return spelling;
        }
        return null;
    }

    private string? Prefixed(string word)
    {
        foreach (var prefix in glossary.Prefixes)
        {
            if (!word.StartsWith(prefix, StringComparison.Ordinal) || word.Length - prefix.Length < MinStem + 1) continue;
            var rest = word[prefix.Length..];
            if (glossary.Match(rest) is { } known && rest.Length - known.Covered < MinCompoundPart) return known.Terms;
            if (glossary.LookupForm(rest) is { } form) return form;
        }
        return null;
    }

    private string? Cognate(string word)
    {
        var shortest = Math.Max(MinCognatePrefix, (int)Math.Ceiling(word.Length * MinCognateShare));
        foreach (var spelling in Spellings(word))
            for (var length = spelling.Length; length >= shortest; length--)
            {
                var words = vocabulary.WithPrefix(spelling[..length], CognateWords, (int)Math.Floor(length / MinCognateShare));
                if (words.Count > 0) return string.Join(' ', words);
            }
        return null;
    }

    private string? Compound(string word)
    {
        if (!glossary.WritesCompounds) return null;
        string? headOnly = null;
        for (var split = MinCompoundPart; split <= word.Length - MinCompoundPart; split++)
        {
            var head = Part(word[split..]);
            if (head is null) continue;
            var modifier = word[..split];
            // German joins many compounds with an s ("Arbeitsspeicher").
            var first = Part(modifier) ?? (modifier.Length > MinCompoundPart && modifier[^1] == 's' ? Part(modifier[..^1]) : null);
            if (first is not null) return first + " " + head;
            // The final part says what the compound is ("Beispielkonfiguration" is a configuration).
            if (headOnly is null && word.Length - split >= MinCompoundHead) headOnly = head;
        }
        return headOnly;
    }

    /// <summary>The word as written, then with the language's letter correspondences applied.</summary>
    private IEnumerable<string> Spellings(string word)
    {
        yield return word;
        var english = word;
        foreach (var (native, englishLetters) in glossary.Spellings) english = english.Replace(native, englishLetters, StringComparison.Ordinal);
        if (english != word) yield return english;
    }
}
