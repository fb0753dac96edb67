using System.Text;
using Collab.Copilot.Authoring;
using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>Renders validator and linter findings as Markdown bullets that name the place and the fix.</summary>
internal static class Findings
{
    public static string Render(IEnumerable<ManifestFinding> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append($"- **{Severity(f.Severity)}** `{f.RuleId}`");
            if (f.Kind is not null) text.Append($" in {f.Kind}{(f.Name is null ? "" : $" `{f.Name}`")}");
            if (f.Path.Length > 0) text.Append($" at `{f.Path}`");
            if (f.Line is not null) text.Append($" (line {f.Line})");
            text.Append($": {f.Message} Fix: {f.Fix}\n");
        }
        return text.ToString();
    }

    public static string Render(IEnumerable<DockerfileFinding> findings) =>
        string.Concat(findings.Select(f => $"- **{Severity(f.Severity)}** `{f.RuleId}` line {f.Line}: {f.Message} Fix: {f.Fix}\n"));

    public static string Counts(IReadOnlyCollection<ManifestFinding> findings) => Counts(findings.Select(f => f.Severity).ToList());

    public static string Counts(IReadOnlyCollection<DockerfileFinding> findings) => Counts(findings.Select(f => f.Severity).ToList());

    private static string Counts(IReadOnlyList<FindingSeverity> severities) =>
        $"{severities.Count(s => s == FindingSeverity.Error)} error(s), {severities.Count(s => s == FindingSeverity.Warning)} warning(s), " +
        $"{severities.Count(s => s == FindingSeverity.Info)} note(s)";

    private static string Severity(FindingSeverity severity) => severity.ToString().ToLowerInvariant();
}
