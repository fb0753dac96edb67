using System.Text;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Authoring;
using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Renders validator and linter findings as Markdown bullets that name the place and the fix, in
/// the asker's language: severity, labels and counts from the wording files; a rule's message from
/// its <c>rule.&lt;id&gt;</c> wording where that language has one (with the fix shown by the diff),
/// else as the rule wrote it.
/// </summary>
internal static class Findings
{
    public static string Render(IEnumerable<ManifestFinding> findings, AnswerLanguage language)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append($"- **{Severity(f.Severity, language)}** `{f.RuleId}`");
            if (f.Kind is not null) text.Append($" {f.Kind}{(f.Name is null ? "" : $" `{f.Name}`")}");
            if (f.Path.Length > 0) text.Append($" `{f.Path}`");
            if (f.Line is not null) text.Append($" ({Phrases.Say(language, "answer.line", f.Line)})");
            text.Append($": {Explain(f.RuleId, f.Message, f.Fix, language)}\n");
        }
        return text.ToString();
    }

    public static string Render(IEnumerable<DockerfileFinding> findings, AnswerLanguage language) =>
        string.Concat(findings.Select(f => $"- **{Severity(f.Severity, language)}** `{f.RuleId}` {Phrases.Say(language, "answer.line", f.Line)}: {Explain(f.RuleId, f.Message, f.Fix, language)}\n"));

    public static string Counts(IReadOnlyCollection<ManifestFinding> findings, AnswerLanguage language) => Counts(findings.Select(f => f.Severity).ToList(), language);

    public static string Counts(IReadOnlyCollection<DockerfileFinding> findings, AnswerLanguage language) => Counts(findings.Select(f => f.Severity).ToList(), language);

    private static string Explain(string ruleId, string message, string fix, AnswerLanguage language) =>
        language != AnswerLanguage.English && Texts.Find(language.Code(), "rule." + ruleId) is { } translated
            ? translated
            : $"{message} {Phrases.Say(language, "answer.fix-label")} {fix}";

    private static string Counts(IReadOnlyList<FindingSeverity> severities, AnswerLanguage language) =>
        Phrases.Say(language, "answer.counts", severities.Count(s => s == FindingSeverity.Error), severities.Count(s => s == FindingSeverity.Warning),
            severities.Count(s => s == FindingSeverity.Info));

    private static string Severity(FindingSeverity severity, AnswerLanguage language) => Phrases.Say(language, "severity." + severity.ToString().ToLowerInvariant());
}
