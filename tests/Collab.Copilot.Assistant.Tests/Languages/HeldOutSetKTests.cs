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
        var (total, failures) = await HeldOutReviewChecks.DefectiveManifestsAsync(CopilotHarness.Create(index.Retriever), "manifest-defects-heldout-k.yaml");
        HeldOutReviewChecks.Report(output, "defective manifests in the asker's language, held-out K", total, failures);
        Assert.True(failures.Count <= total * (1 - DefectFloor), string.Join("\n", failures));
    }

    [Fact]
    public async Task Pasted_dockerfiles_are_reviewed_in_the_asker_s_language()
    {
        var (total, failures) = await HeldOutReviewChecks.PastedDockerfilesAsync(CopilotHarness.Create(index.Retriever), "understanding/dockerfiles-heldout-k.yaml");
        HeldOutReviewChecks.Report(output, "pasted Dockerfiles in the asker's language, held-out K", total, failures);
        Assert.True(failures.Count <= total * (1 - DefectFloor), string.Join("\n", failures));
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
        HeldOutReviewChecks.Report(output, "secrets through the whole copilot, held-out K", cases.Count, failures);
        Assert.Empty(failures);
    }

    // Floor under the figure after the changes for set K (docs/copilot-quality.md).
    private const double DefectFloor = 0.9;

    // Mutable DTO because YamlDotNet binds through setters.
    private sealed class SecretCase
    {
        public string Name { get; set; } = "";
        public string Lang { get; set; } = "";
        public string Input { get; set; } = "";
        public List<string> Secrets { get; set; } = [];
    }
}
