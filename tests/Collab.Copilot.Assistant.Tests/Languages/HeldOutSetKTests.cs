using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Collab.Copilot.Authoring.Manifests;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static Collab.Copilot.Assistant.Tests.Support.AnswerYaml;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// Held-out set K (issue 19, ninth round) through the whole copilot: defective manifests asked about in
/// the asker's language, whose findings must be named and explained in that language; and secret pastes,
/// each asked as written (so it reaches whichever tool its content routes to), with no model and with a
/// model that echoes its prompt, where no secret may reach the answer, the model or the log.
/// </summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class HeldOutSetKTests(DocsIndexFixture index, ITestOutputHelper output)
{
    [Fact]
    public async Task Defective_manifests_are_explained_in_the_asker_s_language()
    {
        var copilot = CopilotHarness.Create(index.Retriever);
        var cases = CaseReader.Deserialize<List<DefectCase>>(CaseFile("manifest-defects-heldout-k.yaml"));
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var answer = await copilot.AskAsync($"{c.Ask}\n```yaml\n{c.Manifest}```");
            if (c.Check(answer) is { } failure) failures.Add($"{c.Lang} {c.Name}: {failure}");
        }
        Report("defective manifests in the asker's language, held-out K", cases.Count, failures);
        Assert.True(failures.Count <= cases.Count * (1 - DefectFloor), string.Join("\n", failures));
    }

    [Fact]
    public async Task Pasted_dockerfiles_are_reviewed_in_the_asker_s_language()
    {
        var copilot = CopilotHarness.Create(index.Retriever);
        var cases = CaseReader.Deserialize<List<DockerfileDefectCase>>(CaseFile("understanding/dockerfiles-heldout-k.yaml")).Where(c => c.Dockerfile is not null).ToList();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var answer = await copilot.AskAsync(c.Dockerfile!);
            if (answer.Final.Intent != CopilotIntent.DockerfileCheck) failures.Add($"{c.Lang} {c.Name}: routed to {answer.Final.Intent}");
            else if (answer.Final.Language.Code() != c.Lang) failures.Add($"{c.Lang} {c.Name}: answered in {answer.Final.Language.Code()}");
            else if (c.Expect.FirstOrDefault(e => !answer.Rendered.Contains(e.Rule, StringComparison.Ordinal)) is { } missing) failures.Add($"{c.Lang} {c.Name}: {missing.Rule} not reported");
        }
        Report("pasted Dockerfiles in the asker's language, held-out K", cases.Count, failures);
        Assert.True(failures.Count <= cases.Count * (1 - DefectFloor), string.Join("\n", failures));
    }

    [Fact]
    public async Task No_secret_leaves_redacted_form_whatever_tool_the_paste_reaches()
    {
        var cases = CaseReader.Deserialize<List<SecretCase>>(CaseFile("redaction-heldout-k.yaml"));
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var logs = new CapturingLoggerProvider();
            using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            var plain = await CopilotHarness.Create(index.Retriever, logs: factory).AskAsync(c.Input);
            var model = new EchoChatClient();
            var modelled = await CopilotHarness.Create(index.Retriever, model, logs: factory).AskAsync(c.Input);
            var prompt = string.Join("\n", model.Received.SelectMany(m => m).Select(m => m.Text));
            foreach (var secret in c.Secrets)
            {
                if (plain.Rendered.Contains(secret, StringComparison.Ordinal)) failures.Add($"{c.Lang} {c.Name}: {secret} in the answer ({plain.Final.Intent})");
                else if (modelled.Rendered.Contains(secret, StringComparison.Ordinal)) failures.Add($"{c.Lang} {c.Name}: {secret} in the answer with a model");
                else if (prompt.Contains(secret, StringComparison.Ordinal)) failures.Add($"{c.Lang} {c.Name}: {secret} sent to the model");
                else if (logs.Lines.Any(l => l.Contains(secret, StringComparison.Ordinal))) failures.Add($"{c.Lang} {c.Name}: {secret} in the log");
            }
        }
        Report("secrets through the whole copilot, held-out K", cases.Count, failures);
        Assert.Empty(failures);
    }

    // Floor under the figure after the changes for set K (docs/copilot-quality.md).
    private const double DefectFloor = 0.9;

    private void Report(string set, int total, List<string> failures)
    {
        output.WriteLine($"{set}: {total - failures.Select(f => f.Split(':')[0]).Distinct().Count()}/{total}");
        foreach (var f in failures) output.WriteLine("  FAIL " + f);
    }

    // Mutable DTOs because YamlDotNet binds through setters.
    private sealed class DockerfileDefectCase
    {
        public string Name { get; set; } = "";
        public string Lang { get; set; } = "";
        public string? Dockerfile { get; set; }
        public List<DefectCase.ExpectedRule> Expect { get; set; } = [];
    }

    private sealed class SecretCase
    {
        public string Name { get; set; } = "";
        public string Lang { get; set; } = "";
        public string Input { get; set; } = "";
        public List<string> Secrets { get; set; } = [];
    }
}
