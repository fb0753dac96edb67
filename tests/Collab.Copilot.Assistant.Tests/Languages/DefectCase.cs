using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// A defective manifest asked about in the asker's language (held-out sets D and K): the answer must come
/// from the manifest check, in that language, name every expected rule and explain its findings rather
/// than quote their English messages. Mutable because YamlDotNet binds through setters.
/// </summary>
internal sealed class DefectCase
{
    public string Name { get; set; } = "";
    public string Lang { get; set; } = "";
    public string Ask { get; set; } = "";
    public string Manifest { get; set; } = "";
    public List<ExpectedRule> Expect { get; set; } = [];

    public sealed class ExpectedRule
    {
        public string Rule { get; set; } = "";
    }

    /// <summary>Why <paramref name="answer"/> falls short of this case, or null when it doesn't.</summary>
    public string? Check(CollectedAnswer answer)
    {
        if (answer.Final.Intent != CopilotIntent.ManifestCheck) return $"routed to {answer.Final.Intent}";
        if (answer.Final.Language.Code() != Lang) return $"answered in {answer.Final.Language.Code()}";
        var rendered = answer.Rendered;
        foreach (var rule in Expect) if (!rendered.Contains(rule.Rule, StringComparison.Ordinal)) return $"{rule.Rule} not reported";
        if (Lang == "en") return null;
        var english = ManifestValidator.Validate(Manifest).Findings.Select(f => f.Message).FirstOrDefault(m => m.Length > 20 && rendered.Contains(m, StringComparison.Ordinal));
        return english is null ? null : $"English finding: {english}";
    }
}
