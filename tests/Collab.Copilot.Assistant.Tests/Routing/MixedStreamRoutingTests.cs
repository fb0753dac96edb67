using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Xunit.Abstractions;
using static Collab.Copilot.Assistant.Tests.Support.AnswerYaml;

namespace Collab.Copilot.Assistant.Tests.Routing;

/// <summary>
/// The mixed-stream held-out sets (issue 19): documentation questions that name GPUs, PVCs and
/// Dockerfiles, draft requests, pasted errors, pasted manifests and Dockerfiles, and chit-chat in one
/// stream, where the classes compete for the router. Prints accuracy per class and language, the
/// answer language detected for each language, and every confusion; the floors sit under the figures
/// after the fixes (docs/copilot-quality.md, "Mixed stream").
/// </summary>
[Trait("Needs", "Corpus")]
public sealed class MixedStreamRoutingTests(ITestOutputHelper output)
{
    private static readonly string[] Languages = ["en", "hr", "cs", "ca", "it", "de"];

    // Set A: 96/114 before its round, 108/114 after it, 113/114 after set B's. Set B: 103/112 before, 112/112 after. Each floor leaves room for a few more confusions.
    [Theory]
    [InlineData("mixed-stream-heldout.yaml", 0.9, 0.9)]
    [InlineData("mixed-stream-heldout-b.yaml", 0.95, 0.95)]
    // Set L (documentation questions that state values only): 19/20 before its round, 20/20 after.
    [InlineData("mixed-stream-heldout-l.yaml", 0.95, 0.95)]
    // Set M (a third stream: Ray, PyTorchJobs, vLLM, /dev/shm; errors pasted with no words): 107/112 routed and 109/112 in language before its round, 112/112 and 112/112 after (docs/copilot-quality/m-routing.md).
    [InlineData("mixed-stream-heldout-m.yaml", 0.95, 0.95)]
    public void Every_message_of_a_mixed_stream_reaches_the_tool_it_asks_for_in_its_language(string file, double routingFloor, double languageFloor)
    {
        var cases = CaseReader.Deserialize<List<MixedCase>>(
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Collab.Copilot.Assistant.Tests", "Routing", "Cases", file)));
        var results = cases.Select(c => new Result(c, IntentRouter.Route(c.Text).Intent, LanguageDetector.Detect(c.Text).Code())).ToList();
        output.WriteLine("| class | " + string.Join(" | ", Languages) + " | all |");
        foreach (var group in results.GroupBy(r => r.Case.Class))
            output.WriteLine($"| {group.Key} | " + string.Join(" | ", Languages.Select(l => Cell(group.Where(r => r.Case.Lang == l), r => r.Routed))) + $" | {Cell(group, r => r.Routed)} |");
        output.WriteLine("| answer language | " + string.Join(" | ", Languages.Select(l => Cell(results.Where(r => r.Case.Lang == l), r => r.InLanguage))) + $" | {Cell(results, r => r.InLanguage)} |");
        foreach (var r in results.Where(r => !r.Routed))
            output.WriteLine($"  CONFUSED [{r.Case.Class}/{r.Case.Lang}] {r.Case.Expect} → {r.Got}: {r.Case.Text.Split('\n')[0]}");
        foreach (var r in results.Where(r => !r.InLanguage))
            output.WriteLine($"  LANGUAGE [{r.Case.Class}/{r.Case.Lang}] → {r.Detected}: {r.Case.Text.Split('\n')[0]}");
        var routed = (double)results.Count(r => r.Routed) / cases.Count;
        var inLanguage = (double)results.Count(r => r.InLanguage) / cases.Count;
        output.WriteLine($"routed: {results.Count(r => r.Routed)}/{cases.Count} ({100 * routed:F0}%), language: {results.Count(r => r.InLanguage)}/{cases.Count}");
        Assert.True(routed >= routingFloor, string.Join("\n", results.Where(r => !r.Routed).Select(r => $"{r.Case.Lang} {r.Case.Expect} → {r.Got}: {r.Case.Text}")));
        Assert.True(inLanguage >= languageFloor, string.Join("\n", results.Where(r => !r.InLanguage).Select(r => $"{r.Case.Lang} → {r.Detected}: {r.Case.Text}")));
    }

    private static string Cell(IEnumerable<Result> rows, Func<Result, bool> right) =>
        rows.Any() ? $"{rows.Count(right)}/{rows.Count()}" : "–";

    private sealed record Result(MixedCase Case, CopilotIntent Got, string Detected)
    {
        public bool Routed => Got == Case.Expect;
        public bool InLanguage => Detected == Case.Lang;
    }

    private sealed class MixedCase
    {
        public string Lang { get; set; } = "";
        public string Class { get; set; } = "";
        public CopilotIntent Expect { get; set; }
        public string Text { get; set; } = "";
    }
}
