using Collab.Copilot.Assistant.Languages;
using Xunit.Abstractions;
using YamlDotNet.Serialization;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// Language detection on short messages written the way people write them (<c>Cases/language-holdout.yaml</c>):
/// bullet lists, pasted YAML and logs, words without diacritics, neighbouring languages. A floor per language,
/// not a case-by-case assertion, because the set measures the detector rather than specifying it.
/// </summary>
[Trait("Needs", "Corpus")]
public sealed class HeldOutLanguageTests(ITestOutputHelper output)
{
    /// <summary>Least share of each language's messages that must be detected right.</summary>
    private const double Floor = 0.9;

    [Fact]
    public void Each_language_of_the_held_out_messages_is_detected()
    {
        var cases = new DeserializerBuilder().Build()
            .Deserialize<List<List<string>>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", "language-holdout.yaml")));
        var failures = new List<string>();
        foreach (var group in cases.GroupBy(c => c[0]))
        {
            var wrong = group.Select(c => (Text: c[1], Detected: LanguageDetector.Detect(c[1]).Code())).Where(c => c.Detected != group.Key).ToList();
            output.WriteLine($"{group.Key}: {group.Count() - wrong.Count}/{group.Count()}");
            foreach (var (text, detected) in wrong) output.WriteLine($"  miss -> {detected}: {text.Split('\n')[0]}");
            if (group.Count() - wrong.Count < Floor * group.Count()) failures.Add($"{group.Key}: {wrong.Count} of {group.Count()} misdetected");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
