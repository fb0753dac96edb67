namespace Collab.Copilot.Authoring.Redaction;

/// <summary>One secret that was replaced: what kind it was and the 1-based line it was on. The secret itself is never kept.</summary>
public sealed record RedactedSpan(string Kind, int Line);
