namespace Collab.Copilot.Assistant.Answers;

/// <summary>
/// One piece of a streamed copilot answer. An answer is text chunks and code blocks in reading
/// order, then one <see cref="AnswerCitations"/> (possibly empty), then exactly one
/// <see cref="AnswerFinal"/>. Chat, server-sent events and the hub all render this same stream.
/// </summary>
public abstract record CopilotEvent;
