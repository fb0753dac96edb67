namespace Collab.Copilot.Assistant.Answers;

/// <summary>Markdown text to append to the answer. Citation markers look like <c>[1]</c>.</summary>
/// <param name="Text">The text; chunks concatenate without separators.</param>
public sealed record AnswerTextChunk(string Text) : CopilotEvent;
