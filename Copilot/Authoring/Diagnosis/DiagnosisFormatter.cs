using System.Text;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>Renders a diagnosis as plain text (Markdown-friendly) for chat or a model's context.</summary>
internal static class DiagnosisFormatter
{
    public static string Format(DiagnosisResult result)
    {
        var primary = result.Primary!;
        var sb = new StringBuilder();
        sb.Append("Known error: ").Append(primary.Signature.Title).Append(" (").Append(primary.Id).Append(")\n");
        sb.Append("Relevant lines:\n");
        foreach (var q in primary.QuotedLines) sb.Append("> ").Append(q.Line).Append(": ").Append(q.Text).Append('\n');
        sb.Append("Cause: ").Append(primary.Cause).Append('\n');
        sb.Append("Fix: ").Append(primary.Fix).Append('\n');
        sb.Append("Confirm with:\n");
        foreach (var c in primary.Commands) sb.Append("  ").Append(c).Append('\n');
        sb.Append("Source: ").Append(primary.Signature.Doc).Append('\n');
        var others = result.Matches.Skip(1).Select(m => m.Id).ToList();
        if (others.Count > 0) sb.Append("Also seen: ").Append(string.Join(", ", others)).Append('\n');
        return sb.ToString();
    }
}
