using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Xunit.Abstractions;
using static Collab.Copilot.Assistant.Tests.Support.AnswerYaml;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// Held-out set M (issue 19, eleventh round) through the whole copilot: defective manifests asked about in the asker's
/// language, whose findings must be named and explained in that language, and pasted Dockerfiles, which must reach the
/// Dockerfile review, be answered in the paste's language and name every expected rule.
/// </summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class HeldOutSetMTests(DocsIndexFixture index, ITestOutputHelper output)
{
    // Floors under the figures after the changes for set M (docs/copilot-quality/m-dockerfiles-and-reviews.md): 12/12 pasted
    // Dockerfiles less a language miss; 11/13 manifests (pod-level resources are a known field; a Croatian question quoting an
    // English error is answered in English).
    private const double Floor = 0.9;
    private const double ManifestFloor = 0.8;

    [Fact]
    public async Task Defective_manifests_are_explained_in_the_asker_s_language()
    {
        var copilot = CopilotHarness.Create(index.Retriever);
        var cases = CaseReader.Deserialize<List<DefectCase>>(CaseFile("manifest-defects-heldout-m.yaml"));
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var answer = await copilot.AskAsync($"{c.Ask}\n```yaml\n{c.Manifest}```");
            if (c.Check(answer) is { } failure) failures.Add($"{c.Lang} {c.Name}: {failure}");
        }
        Report("defective manifests in the asker's language, held-out M", cases.Count, failures);
        Assert.True(failures.Count <= cases.Count * (1 - ManifestFloor), string.Join("\n", failures));
    }

    [Fact]
    public async Task Pasted_dockerfiles_are_reviewed_in_the_asker_s_language()
    {
        var copilot = CopilotHarness.Create(index.Retriever);
        var cases = CaseReader.Deserialize<List<DockerfileDefectCase>>(CaseFile("understanding/dockerfiles-heldout-m.yaml")).Where(c => c.Dockerfile is not null).ToList();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var answer = await copilot.AskAsync(c.Dockerfile!);
            if (answer.Final.Intent != CopilotIntent.DockerfileCheck) failures.Add($"{c.Lang} {c.Name}: routed to {answer.Final.Intent}");
            else if (answer.Final.Language.Code() != c.Lang) failures.Add($"{c.Lang} {c.Name}: answered in {answer.Final.Language.Code()}");
            else if (c.Expect.FirstOrDefault(e => !answer.Rendered.Contains(e.Rule, StringComparison.Ordinal)) is { } missing) failures.Add($"{c.Lang} {c.Name}: {missing.Rule} not reported");
        }
        Report("pasted Dockerfiles in the asker's language, held-out M", cases.Count, failures);
        Assert.True(failures.Count <= cases.Count * (1 - Floor), string.Join("\n", failures));
    }

    private void Report(string set, int total, List<string> failures)
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
