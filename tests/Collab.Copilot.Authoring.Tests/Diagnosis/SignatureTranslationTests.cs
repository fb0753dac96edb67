using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Tests.Diagnosis;

/// <summary>
/// Every signature is explained in every platform language (hr, cs, ca, it, de), from the data files
/// under <c>Diagnosis/Translations/</c>, with the same fact placeholders as the English text, and no
/// English sentence is left in a translation. Quoted log text, <c>code</c> and technical terms in
/// parentheses (e.g. "(CUDA out of memory)") may stay English.
/// </summary>
public sealed partial class SignatureTranslationTests
{
    /// <summary>English function words: one of them outside quotes, code and parentheses means an English phrase was left in.</summary>
    private static readonly HashSet<string> EnglishFunctionWords =
        ["the", "and", "is", "are", "of", "with", "your", "that", "this", "from", "when", "which", "should", "would", "does", "into", "than", "then", "only", "because", "there", "their", "was", "were", "has", "have", "been", "will", "cannot", "you", "it", "its", "or", "to", "for", "on", "by"];

    /// <summary>Words above that are also ordinary words of a platform language.</summary>
    private static readonly Dictionary<string, string[]> NativeHomographs = new()
    {
        ["de"] = ["was"],
        ["cs"] = ["to", "on", "by"],
        ["hr"] = ["to", "on"],
        ["it"] = ["on"],
        ["ca"] = ["on"],
    };

    [Fact]
    public void Every_signature_has_every_language_with_the_same_placeholders()
    {
        var missing = new List<string>();
        foreach (var language in SignatureTranslations.Languages)
            foreach (var signature in SignatureCatalog.All)
            {
                var text = SignatureTranslations.Find(signature, language);
                if (text is null) { missing.Add($"{language} {signature.Id}: no translation"); continue; }
                if (new[] { text.Title, text.Cause, text.Fix }.Any(string.IsNullOrWhiteSpace)) missing.Add($"{language} {signature.Id}: empty field");
                foreach (var fact in signature.Facts.Keys)
                    if (!(text.Cause + text.Fix).Contains("{" + fact + "}", StringComparison.Ordinal)) missing.Add($"{language} {signature.Id}: {{{fact}}} missing");
            }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void No_English_sentence_is_left_in_a_translation()
    {
        var english = new List<string>();
        foreach (var language in SignatureTranslations.Languages)
            foreach (var signature in SignatureCatalog.All)
            {
                var text = SignatureTranslations.Find(signature, language)!;
                foreach (var (field, value) in new[] { ("title", text.Title), ("cause", text.Cause), ("fix", text.Fix) })
                {
                    if (value == new[] { signature.Title, signature.Cause, signature.Fix }[field switch { "title" => 0, "cause" => 1, _ => 2 }])
                    { english.Add($"{language} {signature.Id} {field}: identical to English"); continue; }
                    var prose = Verbatim().Replace(value, " ");
                    var words = Word().Matches(prose).Select(m => m.Value.ToLowerInvariant())
                        .Where(w => EnglishFunctionWords.Contains(w) && !NativeHomographs[language].Contains(w)).ToList();
                    if (words.Count > 0) english.Add($"{language} {signature.Id} {field}: English words {string.Join(", ", words)} in \"{value}\"");
                }
            }
        Assert.True(english.Count == 0, string.Join("\n", english));
    }

    /// <summary>What may stay as written: "quoted" log text, `code`, {placeholders}, (parenthesised) technical terms and identifiers (weights_only, .to(device), meta.helm.sh/release-name).</summary>
    [GeneratedRegex(@"""[^""]*""|`[^`]*`|\{[^}]*\}|\([^)]*\)|\S*[_./=]\S*")]
    private static partial Regex Verbatim();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
