using System.Text;
using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Assistant.Languages;

/// <summary>
/// How each language spells: frequencies of letter 1-, 2- and 3-grams (word edges included), learnt at start
/// from the answer wording the project already keeps in all six languages. Unlike the function-word lists it
/// also knows words nobody listed ("rivedere", "potrebuju", "rèpliques"), so it tells neighbouring languages
/// apart when a message has few or ambiguous function words.
/// </summary>
public static partial class CharacterProfiles
{
    private const int MaxGram = 3;

    private static readonly Dictionary<AnswerLanguage, Profile> Profiles =
        Enum.GetValues<AnswerLanguage>().ToDictionary(l => l, l => Profile.Of(Corpus(l)));

    /// <summary>
    /// The language whose spelling fits <paramref name="prose"/> best, and by how much it beats the runner-up, in
    /// average log-likelihood per n-gram; null when the prose has too few letters to say anything.
    /// </summary>
    public static (AnswerLanguage Language, double Margin)? Closest(string prose)
    {
        if (Word().Count(prose) < 2) return null;
        var grams = Grams(prose).ToList();
        if (grams.Count < MinimumGrams) return null;
        var ranked = Profiles.Select(p => (Language: p.Key, Fit: grams.Sum(p.Value.LogLikelihood) / grams.Count))
            .OrderByDescending(r => r.Fit).ToList();
        return (ranked[0].Language, ranked[0].Fit - ranked[1].Fit);
    }

    /// <summary>Fewer n-grams than this (or a single word) fit several languages about as well.</summary>
    private const int MinimumGrams = 12;

    private static string Corpus(AnswerLanguage language)
    {
        var code = language.Code();
        var text = new StringBuilder();
        foreach (var key in Texts.Keys(code)) text.Append(Texts.Find(code, key)).Append(' ');
        return text.ToString();
    }

    /// <summary>The n-grams of the words of <paramref name="text"/>: letters only, lower case, each word padded by spaces.</summary>
    private static IEnumerable<string> Grams(string text)
    {
        foreach (Match word in Word().Matches(text))
        {
            var padded = $" {word.Value.ToLowerInvariant()} ";
            for (var n = 1; n <= MaxGram; n++)
                for (var i = 0; i + n <= padded.Length; i++)
                    if (n > 1 || padded[i] != ' ') yield return padded.Substring(i, n);
        }
    }

    /// <summary>Words of letters alone, capitalised or not: placeholders, numbers, identifiers with digits, acronyms and
    /// camelCase Kubernetes fields ("containerPort", "OOMKilled") are left out, being the same in every language.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d_{.])\p{L}[\p{Ll}'’·]*(?![\p{L}\d_}.])")]
    private static partial Regex Word();

    private sealed class Profile(Dictionary<string, int>[] counts, int[] totals)
    {
        public static Profile Of(string corpus)
        {
            var counts = Enumerable.Range(0, MaxGram + 1).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
            var totals = new int[MaxGram + 1];
            foreach (var gram in Grams(corpus))
            {
                counts[gram.Length][gram] = counts[gram.Length].GetValueOrDefault(gram) + 1;
                totals[gram.Length]++;
            }
            return new Profile(counts, totals);
        }

        /// <summary>Log of the gram's relative frequency among grams of its length, add-one smoothed so an unseen gram costs a lot but not everything.</summary>
        public double LogLikelihood(string gram) =>
            Math.Log((counts[gram.Length].GetValueOrDefault(gram) + 1.0) / (totals[gram.Length] + counts[gram.Length].Count + 1.0));
    }
}
