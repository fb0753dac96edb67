using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Which language a short request is in, by the words the understanding lexicons know: "replike",
/// "repliche", "jméno", "Speicher" say more about a terse request ("3 replike nginxa, limit 1 cpu")
/// than its few function words do. A word some lexicons share counts a share for each; a word the
/// English lexicon also has counts for none.
/// </summary>
public static partial class LexiconEvidence
{
    private static readonly (string Language, Regex Word)[] Lexicons = Vocabulary.All.Select(l => (l.Language, WholeWord(l))).ToArray();

    /// <summary>Evidence per language code (en excluded) in <paramref name="prose"/>.</summary>
    public static IReadOnlyDictionary<string, double> Of(string prose)
    {
        var scores = new Dictionary<string, double>();
        foreach (Match token in Token().Matches(prose))
        {
            if (token.Length < 3) continue;
            var languages = Lexicons.Where(l => l.Word.IsMatch(token.Value)).Select(l => l.Language).ToList();
            if (languages.Count == 0 || languages.Contains("en")) continue;
            foreach (var language in languages) scores[language] = scores.GetValueOrDefault(language) + 1.0 / languages.Count;
        }
        return scores;
    }

    private static Regex WholeWord(Lexicon l)
    {
        var fragments = new[]
        {
            l.DraftCues, l.Replicas, l.Nodes, l.NameMarkers, l.Ports, l.Every, l.Daily, l.Nightly, l.Hourly, l.Weekly, l.Monthly, l.WholeGpu,
            l.Storage, l.Memory, l.Databases, l.Batch, l.ImageNouns, l.GigaWords, l.Weekdays, l.Limits, l.Half, l.EnvWords, l.SecretNouns,
            l.ChangeVerbs, l.RemoveVerbs, l.RenameVerbs,
        }.SelectMany(f => f).Concat(l.Days.SelectMany(d => d)).Concat(l.Kinds.Values.SelectMany(k => k)).Concat(l.Numbers.Keys)
            .Where(f => !f.Contains(' '));
        return new Regex(@"^(?:" + Vocabulary.Alternation(fragments) + ")$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"[\p{L}]+")]
    private static partial Regex Token();
}
