namespace Collab.Copilot.Assistant.Answers;

/// <summary>A complete code block: a manifest, a Dockerfile, a diff, commands to run.</summary>
/// <param name="Language">Fence language: <c>yaml</c>, <c>dockerfile</c>, <c>diff</c>, <c>bash</c>, <c>text</c>…</param>
/// <param name="Code">The code, without fences.</param>
/// <param name="Caption">A short caption shown above the block (e.g. a file name), or null.</param>
public sealed record AnswerCodeBlock(string Language, string Code, string? Caption = null) : CopilotEvent;
