using Collab.Copilot.Assistant.Languages;
using Xunit.Abstractions;
using YamlDotNet.Serialization;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// Language detection on asks of two to six words and on sentences carrying English technical nouns
/// (<c>Cases/language-short-mixed-heldout.yaml</c>): the answer must be in the asker's language, and a short
/// "passt das so?" or "je to OOM?" is all the asker wrote. Prints accuracy per kind and language and every miss;
/// a floor per kind, not a case-by-case assertion, because the set measures the detector rather than specifying it.
/// </summary>
public sealed class ShortAndMixedLanguageTests(ITestOutputHelper output)
{
    private static readonly string[] Languages = ["en", "hr", "cs", "ca", "it", "de"];

    [Theory]
    [InlineData("language-short-mixed-heldout.yaml", "short", 0.9)]
    [InlineData("language-short-mixed-heldout.yaml", "mixed", 0.9)]
    // Language set 2 (set M): short 51/60 and mixed 30/30 before its round, 60/60 and 30/30 after (docs/copilot-quality/m-routing.md).
    [InlineData("language-short-mixed-heldout-m.yaml", "short", 0.9)]
    [InlineData("language-short-mixed-heldout-m.yaml", "mixed", 0.9)]
    public void The_language_of_short_and_mixed_messages_is_detected(string file, string kind, double floor)
    {
        var cases = new DeserializerBuilder().Build()
            .Deserialize<List<List<string>>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", file)))
            .Where(c => c[0] == kind).Select(c => (Lang: c[1], Text: c[2], Detected: LanguageDetector.Detect(c[2]).Code())).ToList();
        output.WriteLine($"{kind}: " + string.Join(", ", Languages.Select(l => $"{l} {cases.Count(c => c.Lang == l && c.Detected == l)}/{cases.Count(c => c.Lang == l)}")));
        var misses = cases.Where(c => c.Detected != c.Lang).ToList();
        foreach (var (lang, text, detected) in misses) output.WriteLine($"  miss {lang} → {detected}: {text}");
        output.WriteLine($"all: {cases.Count - misses.Count}/{cases.Count}");
        Assert.True(cases.Count - misses.Count >= floor * cases.Count, string.Join("\n", misses.Select(m => $"{m.Lang} → {m.Detected}: {m.Text}")));
    }
}
