namespace Collab.Copilot.Assistant.Answers;

/// <summary>The sources of the answer, in marker order; empty when it relied on none.</summary>
public sealed record AnswerCitations(IReadOnlyList<Citation> Citations) : CopilotEvent;
