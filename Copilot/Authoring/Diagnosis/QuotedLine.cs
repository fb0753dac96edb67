namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>One line quoted from the paste, with its 1-based line number.</summary>
public sealed record QuotedLine(int Line, string Text);
