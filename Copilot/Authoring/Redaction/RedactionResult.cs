namespace Collab.Copilot.Authoring.Redaction;

/// <summary>The text with secrets replaced by <c>[REDACTED:kind]</c> markers, and what was replaced.</summary>
public sealed record RedactionResult(string Text, IReadOnlyList<RedactedSpan> Redactions)
{
    /// <summary>True when at least one secret was found.</summary>
    public bool HasRedactions => Redactions.Count > 0;
}
