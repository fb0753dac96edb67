using System.Globalization;
using System.Text;

namespace Collab.Indexer.Translation;

/// <summary>
/// One language's word list: function words to drop and words (or word stems) with the English
/// documentation terms they stand for. Read from a plain text file so that adding a language or a
/// term is a data change: <c>stop: w1 w2 …</c>, then <c>word = terms</c> or <c>stem* = terms</c>.
/// Optional lines: <c>spelling: k=c z=c</c> (how the language spells letters that English spells
/// otherwise in shared words, "Konfiguration"/"configuration") and <c>compounds: yes</c> (the language
/// writes compound nouns as one word), <c>endings: u a ovi …</c> (case and adjective endings the language adds to
/// words it borrows, "jobu", "clustera", "nodove", "webové"; <c>ending-stem: 5</c> sets the shortest stem one may leave), <c>prefixes: ne na …</c> (negation and verb prefixes in front
/// of a known word, "nespouští", "nasdílet") and <c>particles: ein an auf …</c> (verb particles the language moves to the end of
/// a clause, "wie richte ich das ein" for "einrichten"; <c>conjunctions: und oder …</c> start a new clause). Matching ignores case and diacritics, since people often type without them.
/// </summary>
internal sealed class TermGlossary
{
    private readonly HashSet<string> _stopWords;
    private readonly Dictionary<string, string> _words;
    private readonly (string Stem, string Terms)[] _stems;

    private TermGlossary(string language, HashSet<string> stopWords, Dictionary<string, string> words, (string, string)[] stems,
        (string, string)[] spellings, bool compounds, string[] endings, string[] prefixes, HashSet<string> particles, HashSet<string> conjunctions, int endingStem)
    {
        EndingStem = endingStem;
        Conjunctions = conjunctions;
        Particles = particles;
        Endings = endings;
        Prefixes = prefixes;
        Language = language;
        Spellings = spellings;
        WritesCompounds = compounds;
        _stopWords = stopWords;
        _words = words;
        _stems = stems;
    }

    public string Language { get; }

    /// <summary>Letter correspondences (this language's spelling, the English one) for words both languages share.</summary>
    public IReadOnlyList<(string Native, string English)> Spellings { get; }

    /// <summary>Case endings on borrowed words, longest first.</summary>
    public IReadOnlyList<string> Endings { get; }

    /// <summary>
    /// Shortest stem an ending may leave: three where endings go on short borrowed nouns ("jobu"), more where a language
    /// ends most of its own words in a vowel and short stems would be English words by chance ("deve" is no "dev").
    /// </summary>
    public int EndingStem { get; }

    /// <summary>Negation and verb prefixes, longest first.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    /// <summary>Verb particles that end a clause when the verb is split ("ein" of "richte … ein").</summary>
    public IReadOnlySet<string> Particles { get; }

    /// <summary>Words that start a new clause ("und", "damit"), so a particle in front of one ends the clause before it.</summary>
    public IReadOnlySet<string> Conjunctions { get; }

    /// <summary>True when the language writes compound nouns as one word ("Speicherlimit").</summary>
    public bool WritesCompounds { get; }

    public static TermGlossary Parse(string language, TextReader reader)
    {
        var stop = new HashSet<string>(StringComparer.Ordinal);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var stems = new List<(string, string)>();
        var spellings = new List<(string, string)>();
        var compounds = false;
        var endings = new List<string>();
        var prefixes = new List<string>();
        var particles = new HashSet<string>(StringComparer.Ordinal);
        var conjunctions = new HashSet<string>(StringComparer.Ordinal);
        var endingStem = DefaultEndingStem;
        var number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("stop:", StringComparison.Ordinal))
            {
                foreach (var word in line[5..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) stop.Add(Fold(word));
                continue;
            }
            if (line.StartsWith("spelling:", StringComparison.Ordinal))
            {
                foreach (var pair in line[9..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var sides = pair.Split('=');
                    if (sides.Length != 2 || sides[0].Length == 0 || sides[1].Length == 0)
                        throw new InvalidDataException($"glossary {language}, line {number}: expected 'spelling: native=english …'.");
                    spellings.Add((Fold(sides[0]), Fold(sides[1])));
                }
                continue;
            }
            if (line.StartsWith("endings:", StringComparison.Ordinal))
            {
                endings.AddRange(line[8..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold));
                continue;
            }
            if (line.StartsWith("ending-stem:", StringComparison.Ordinal))
            {
                if (!int.TryParse(line[12..].Trim(), out endingStem) || endingStem < 1)
                    throw new InvalidDataException($"glossary {language}, line {number}: expected 'ending-stem: <letters>'.");
                continue;
            }
            if (line.StartsWith("prefixes:", StringComparison.Ordinal))
            {
                prefixes.AddRange(line[9..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold));
                continue;
            }
            if (line.StartsWith("particles:", StringComparison.Ordinal))
            {
                foreach (var particle in line[10..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) particles.Add(Fold(particle));
                continue;
            }
            if (line.StartsWith("conjunctions:", StringComparison.Ordinal))
            {
                foreach (var conjunction in line[13..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) conjunctions.Add(Fold(conjunction));
                continue;
            }
            if (line.StartsWith("compounds:", StringComparison.Ordinal))
            {
                compounds = line[10..].Trim() == "yes";
                continue;
            }
            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            if (equals <= 0) throw new InvalidDataException($"glossary {language}, line {number}: expected 'word = terms' or 'stem* = terms'.");
            var key = Fold(line[..equals].Trim());
            var terms = line[(equals + 3)..].Trim();
            if (key.EndsWith('*')) stems.Add((key.TrimEnd('*'), terms));
            else words[key] = terms;
        }
        // Longest stem first, so "uživatel*" wins over a shorter stem that also fits.
        return new TermGlossary(language, stop, words, stems.OrderByDescending(s => s.Item1.Length).ToArray(),
            spellings.ToArray(), compounds,
            endings.OrderByDescending(e => e.Length).ToArray(), prefixes.OrderByDescending(p => p.Length).ToArray(), particles, conjunctions, endingStem);
    }

    /// <summary>Shortest stem an ending leaves unless the glossary says otherwise ("job" of "jobu").</summary>
    private const int DefaultEndingStem = 3;

    public bool IsStopWord(string folded) => _stopWords.Contains(folded);

    /// <summary>
    /// True when a (folded) word is evidence of this language: a function word, or a glossary word
    /// that is not also the English term it stands for ("server", "job" and "notebook" say nothing).
    /// </summary>
    public bool IsEvidence(string folded)
    {
        if (_stopWords.Contains(folded)) return true;
        var terms = Lookup(folded);
        return terms is not null && !terms.Split(' ').Any(t => TermGlossary.Fold(t).StartsWith(folded, StringComparison.Ordinal) || folded.StartsWith(TermGlossary.Fold(t), StringComparison.Ordinal));
    }

    /// <summary>The English terms for a (folded) word, or null.</summary>
    public string? Lookup(string folded) => Match(folded)?.Terms;

    /// <summary>
    /// The English terms for a (folded) word and how many of its letters the entry covers: all of them
    /// for a whole-word entry, the stem's for a stem entry (the rest may be an ending or a second word).
    /// </summary>
    public (string Terms, int Covered)? Match(string folded)
    {
        if (_words.TryGetValue(folded, out var terms)) return (terms, folded.Length);
        foreach (var (stem, stemTerms) in _stems)
            if (folded.StartsWith(stem, StringComparison.Ordinal)) return (stemTerms, stem.Length);
        return null;
    }

    /// <summary>
    /// The terms of a whole-word entry that is another form of <paramref name="folded"/>: the two share
    /// their beginning but for an ending ("clàssic" and the entry "clàssica", "inaktive" and "inaktivität"), or null.
    /// </summary>
    public string? LookupForm(string folded)
    {
        string? best = null;
        var bestShared = 0;
        foreach (var (word, terms) in _words)
        {
            var shared = SharedPrefix(word, folded);
            if (shared < MinFormStem || word.Length - shared > MaxEnding || folded.Length - shared > MaxEnding || shared <= bestShared) continue;
            (best, bestShared) = (terms, shared);
        }
        return best;
    }

    /// <summary>Shortest shared beginning for two words to count as forms of one another (shorter ones meet by chance: "andere"/"anderen").</summary>
    private const int MinFormStem = 7;

    /// <summary>Longest ending either word may have past the shared beginning ("warten" is no form of "warteschlange").</summary>
    private const int MaxEnding = 4;

    private static int SharedPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length]) length++;
        return length;
    }

    /// <summary>Lower case without diacritics; <c>·</c> (Catalan l·l) is kept.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
