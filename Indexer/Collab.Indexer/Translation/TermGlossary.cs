using System.Globalization;
using System.Text;

namespace Collab.Indexer.Translation;

/// <summary>
/// One language's word list: function words to drop and words (or word stems) with the English
/// documentation terms they stand for. Read from a plain text file so that adding a language or a
/// term is a data change: <c>stop: w1 w2 …</c>, then <c>word = terms</c> or <c>stem* = terms</c>.
/// Matching ignores case and diacritics, since people often type without them.
/// </summary>
internal sealed class TermGlossary
{
    private readonly HashSet<string> _stopWords;
    private readonly Dictionary<string, string> _words;
    private readonly (string Stem, string Terms)[] _stems;

    private TermGlossary(string language, HashSet<string> stopWords, Dictionary<string, string> words, (string, string)[] stems)
    {
        Language = language;
        _stopWords = stopWords;
        _words = words;
        _stems = stems;
    }

    public string Language { get; }

    public static TermGlossary Parse(string language, TextReader reader)
    {
        var stop = new HashSet<string>(StringComparer.Ordinal);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var stems = new List<(string, string)>();
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
            var equals = line.IndexOf(" = ", StringComparison.Ordinal);
            if (equals <= 0) throw new InvalidDataException($"glossary {language}, line {number}: expected 'word = terms' or 'stem* = terms'.");
            var key = Fold(line[..equals].Trim());
            var terms = line[(equals + 3)..].Trim();
            if (key.EndsWith('*')) stems.Add((key.TrimEnd('*'), terms));
            else words[key] = terms;
        }
        // Longest stem first, so "uživatel*" wins over a shorter stem that also fits.
        return new TermGlossary(language, stop, words, stems.OrderByDescending(s => s.Item1.Length).ToArray());
    }

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
    public string? Lookup(string folded)
    {
        if (_words.TryGetValue(folded, out var terms)) return terms;
        foreach (var (stem, stemTerms) in _stems)
            if (folded.StartsWith(stem, StringComparison.Ordinal)) return stemTerms;
        return null;
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
