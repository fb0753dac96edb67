using System.Text.RegularExpressions;

namespace Collab.Indexer.Translation;

/// <summary>
/// Rewrites questions asked in Czech, Croatian, Catalan, Italian or German into the English terms
/// of the documentation, without a model: the language is recognised from its function words and
/// glossary hits, then each known word becomes its English term, function words are dropped and
/// everything else (product names, identifiers, numbers) stays. Given the index's vocabulary, words the
/// glossary does not know are matched to the documentation's words (<see cref="DocumentationWordMatcher"/>).
/// Both BM25 and the embedding model (English-only) see the rewritten query. English queries pass through unchanged.
/// </summary>
public static partial class QueryTranslator
{
    /// <summary>The languages with a glossary, as ISO 639-1 codes.</summary>
    public static readonly IReadOnlyList<string> Languages = ["cs", "hr", "ca", "it", "de"];

    private static readonly Lazy<IReadOnlyList<TermGlossary>> Glossaries = new(Load);

    /// <summary>English function words: a query where they dominate is left as written.</summary>
    private static readonly HashSet<string> EnglishWords = new(
        ("a an the and or to of in on at for with from by is are be was were has have had will can could should would do does did how what why where when which who " +
         "i we you my our your it its this that these those not no so but if as there they me all any some get got use").Split(' '),
        StringComparer.Ordinal);

    /// <summary>Fewest recognised words for a query to count as non-English.</summary>
    private const int MinimumEvidence = 2;

    /// <summary>Translates <paramref name="query"/> when it is in a language with a glossary; otherwise returns it unchanged as English.</summary>
    /// <param name="query">The question as asked.</param>
    /// <param name="vocabulary">The documentation's words; without it, words the glossary does not know stay as written.</param>
    public static QueryTranslation Translate(string query, IIndexVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = Word().Matches(query).Select(m => TermGlossary.Fold(m.Value)).ToList();
        var english = words.Count(EnglishWords.Contains);
        var best = Glossaries.Value
            .Select(g => (Glossary: g, Hits: words.Count(w => g.IsStopWord(w) || g.Lookup(w) is not null)))
            .MaxBy(x => x.Hits);
        if (best.Glossary is null || best.Hits < MinimumEvidence || best.Hits <= english) return new QueryTranslation("en", query);
        return new QueryTranslation(best.Glossary.Language, Rewrite(query, best.Glossary, vocabulary is null ? null : new DocumentationWordMatcher(best.Glossary, vocabulary)));
    }

    /// <summary>
    /// Per language code, how many words of <paramref name="text"/> are evidence of that language
    /// (function words and glossary words that are not English as well); for language detection.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Evidence(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Word().Matches(text).Select(m => TermGlossary.Fold(m.Value)).ToList();
        // Words that are English too ("a", "in", "no", "was") are no evidence of another language.
        return Glossaries.Value.ToDictionary(g => g.Language, g => words.Count(w => !EnglishWords.Contains(w) && g.IsEvidence(w)));
    }

    private static string Rewrite(string query, TermGlossary glossary, DocumentationWordMatcher? matcher)
    {
        var output = new List<string>();
        foreach (var token in JoinSplitVerbs(query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), glossary))
        {
            // Identifiers, versions and resource names (nvidia.com/gpu, 50Gi, v4) are language-neutral.
            if (!PlainWords().IsMatch(token))
            {
                output.Add(token.TrimEnd('?', '!', ',', '.', ':', ';'));
                continue;
            }
            foreach (Match part in Word().Matches(token))
            {
                var folded = TermGlossary.Fold(part.Value);
                if (glossary.IsStopWord(folded)) continue;
                if (glossary.Match(folded) is { } known && !(matcher?.IsDocumentationCompound(folded, known.Covered) ?? false))
                {
                    output.Add(known.Terms);
                    if (matcher?.Rest(folded, known.Covered) is { } rest) output.Add(rest);
                    continue;
                }
                output.Add(matcher?.Match(folded) ?? part.Value);
            }
        }
        return string.Join(' ', output);
    }

    /// <summary>
    /// Puts a verb particle that ends a clause back in front of its verb ("wie richte ich multikueue ein, …" reads
    /// "einrichte"): German splits such verbs, and the verb alone or the particle alone says something else. The verb of
    /// a clause whose particle went to its end stands first or second ("wie richte", "morgens loggen"), so only the
    /// clause's first words are tried, the first the glossary knows with the particle in front taken.
    /// </summary>
    /// <summary>Words at the start of a clause among which a split verb stands (a question word or subject, then the verb).</summary>
    private const int VerbPosition = 3;

    private static string[] JoinSplitVerbs(string[] tokens, TermGlossary glossary)
    {
        if (glossary.Particles.Count == 0) return tokens;
        var clauseStart = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var endsClause = i == tokens.Length - 1 || ClauseEnd().IsMatch(tokens[i])
                || glossary.Conjunctions.Contains(TermGlossary.Fold(tokens[i + 1].TrimEnd('?', '!', ',', '.', ':', ';')));
            var particle = TermGlossary.Fold(tokens[i].TrimEnd('?', '!', ',', '.', ':', ';'));
            if (endsClause && glossary.Particles.Contains(particle))
            {
                for (var j = clauseStart; j < Math.Min(i, clauseStart + VerbPosition); j++)
                {
                    var verb = particle + TermGlossary.Fold(tokens[j]);
                    if (glossary.Match(verb) is not { } known || known.Covered <= particle.Length) continue;
                    tokens[j] = verb;
                    tokens[i] = "";
                    break;
                }
            }
            if (endsClause) clauseStart = i + 1;
        }
        return tokens.Where(t => t.Length > 0).ToArray();
    }

    private static IReadOnlyList<TermGlossary> Load()
    {
        var assembly = typeof(QueryTranslator).Assembly;
        return Languages.Select(language =>
        {
            using var stream = assembly.GetManifestResourceStream($"Collab.Indexer.Translation.Glossaries.{language}.txt")
                ?? throw new InvalidOperationException($"The {language} glossary is not embedded in the assembly.");
            using var reader = new StreamReader(stream);
            return TermGlossary.Parse(language, reader);
        }).ToList();
    }

    [GeneratedRegex(@"[,.;:?!]$")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"[\p{L}\p{N}·]+")]
    private static partial Regex Word();

    /// <summary>A token of letters, optionally joined by hyphens or apostrophes, with trailing punctuation.</summary>
    [GeneratedRegex(@"^[\p{P}]*\p{L}[\p{L}·'’\-]*[\p{P}]*$")]
    private static partial Regex PlainWords();
}
