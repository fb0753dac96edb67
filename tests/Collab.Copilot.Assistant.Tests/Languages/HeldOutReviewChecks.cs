using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Xunit.Abstractions;
using static Collab.Copilot.Assistant.Tests.Support.AnswerYaml;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// The whole-copilot checks that every held-out round's review cases share: a defective manifest asked about
/// in the asker's language must have its findings named and explained in that language; a pasted Dockerfile
/// must reach the Dockerfile review, be answered in the paste's language and name every expected rule.
/// </summary>
internal static class HeldOutReviewChecks
{
    /// <summary>Asks every case of a defective-manifest file; returns the case count and the failures.</summary>
    public static async Task<(int Total, List<string> Failures)> DefectiveManifestsAsync(CopilotAssistant copilot, string file)
    {
        var cases = CaseReader.Deserialize<List<DefectCase>>(CaseFile(file));
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var answer = await copilot.AskAsync($"{c.Ask}\n```yaml\n{c.Manifest}```");
            if (c.Check(answer) is { } failure) failures.Add($"{c.Lang} {c.Name}: {failure}");
        }
        return (cases.Count, failures);
    }

    /// <summary>Pastes every Dockerfile of a Dockerfile case file bare; returns the case count and the failures.</summary>
    public static async Task<(int Total, List<string> Failures)> PastedDockerfilesAsync(CopilotAssistant copilot, string file)
    {
        var cases = CaseReader.Deserialize<List<DockerfileDefectCase>>(CaseFile(file)).Where(c => c.Dockerfile is not null).ToList();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var answer = await copilot.AskAsync(c.Dockerfile!);
            if (answer.Final.Intent != CopilotIntent.DockerfileCheck) failures.Add($"{c.Lang} {c.Name}: routed to {answer.Final.Intent}");
            else if (answer.Final.Language.Code() != c.Lang) failures.Add($"{c.Lang} {c.Name}: answered in {answer.Final.Language.Code()}");
            else if (c.Expect.FirstOrDefault(e => !answer.Rendered.Contains(e.Rule, StringComparison.Ordinal)) is { } missing) failures.Add($"{c.Lang} {c.Name}: {missing.Rule} not reported");
        }
        return (cases.Count, failures);
    }

    /// <summary>Prints "set: passed/total" (a case counts once however many of its checks failed) and each failure.</summary>
    public static void Report(ITestOutputHelper output, string set, int total, List<string> failures)
    {
        output.WriteLine($"{set}: {total - failures.Select(f => f.Split(':')[0]).Distinct().Count()}/{total}");
        foreach (var f in failures) output.WriteLine("  FAIL " + f);
    }

    // Mutable DTO because YamlDotNet binds through setters.
    private sealed class DockerfileDefectCase
    {
        public string Name { get; set; } = "";
        public string Lang { get; set; } = "";
        public string? Dockerfile { get; set; }
        public string? Request { get; set; }
        public List<DefectCase.ExpectedRule> Expect { get; set; } = [];
    }
}
