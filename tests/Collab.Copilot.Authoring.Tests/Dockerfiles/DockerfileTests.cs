using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Dockerfiles;
using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests.Dockerfiles;

public sealed class DockerfileTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_dockerfile_request_and_defect_behaves_as_expected()
    {
        var cases = CaseFiles.Load<DockerfileCase>("dockerfiles.yaml");
        Assert.True(cases.Count >= 20);
        PassRate.Run(output, "dockerfile requests", cases.Where(c => c.Request is not null).ToList(), c => c.Name, CheckDraft);
        PassRate.Run(output, "dockerfile defects", cases.Where(c => c.Dockerfile is not null).ToList(), c => c.Name, CheckDefect);
    }

    private static void CheckDraft(DockerfileCase c)
    {
        var draft = DockerfileDrafter.Draft(c.Request!);
        // Clean means no warning or error; the only advice a draft may carry is unpinned apt packages (CDF009), whose versions cannot be known offline.
        PassRate.That(draft.Lint.IsClean && draft.Lint.Findings.All(f => f.RuleId == DockerfileRules.AptUnpinned), "draft findings: " + string.Join(" | ", draft.Lint.Findings));
        var froms = Regex.Matches(draft.Dockerfile, @"^FROM\s+(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        foreach (var b in c.BaseContains) PassRate.That(froms.Any(f => f.Contains(b)), $"no base containing {b} in [{string.Join(", ", froms)}]");
        if (c.MultiStage is { } multi) PassRate.That(froms.Count > 1 == multi, $"stages: {froms.Count}");
        var lastUser = Regex.Matches(draft.Dockerfile, @"^USER\s+(\S+)", RegexOptions.Multiline).LastOrDefault()?.Groups[1].Value;
        PassRate.That(lastUser is not null && Regex.IsMatch(lastUser, @"^[1-9]\d*(:\d+)?$"), $"final USER {lastUser} is not a numeric non-root uid");
        foreach (var s in c.Contains) PassRate.That(draft.Dockerfile.Contains(s), $"missing \"{s}\"");
    }

    private static void CheckDefect(DockerfileCase c)
    {
        var lint = DockerfileLinter.Lint(c.Dockerfile!);
        foreach (var e in c.Expect)
            PassRate.That(lint.Findings.Any(f => f.RuleId == e.Rule && (e.Line is null || f.Line == e.Line)),
                $"expected {e.Rule} line {e.Line}; got {string.Join(" | ", lint.Findings.Select(f => $"{f.RuleId} L{f.Line}"))}");
        var fix = DockerfileFixer.Fix(c.Dockerfile!);
        PassRate.That(fix.IsClean, "fix left: " + string.Join(" | ", fix.Remaining.Where(f => f.Severity != Authoring.FindingSeverity.Info)));
        PassRate.That(DockerfileLinter.Lint(fix.FixedDockerfile).IsClean, "fixed file does not lint clean");
        PassRate.That(fix.Diff.Contains("@@"), "no diff");
    }
}
