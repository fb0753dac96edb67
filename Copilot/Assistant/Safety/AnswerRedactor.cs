using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Authoring.Redaction;

namespace Collab.Copilot.Assistant.Safety;

/// <summary>
/// The one redaction of everything an answer shows: the model's stream, quoted lines of a paste,
/// drafts and fixed files. Text chunks go through a <see cref="StreamingRedactor"/>, since a secret
/// may straddle model tokens; code blocks are complete and redacted whole. Held text is released
/// before any other event, so the order of the answer is kept.
/// </summary>
internal sealed class AnswerRedactor
{
    private readonly StreamingRedactor _text = new();

    /// <summary>The events to show for <paramref name="next"/>: none while text is held, or the held text first.</summary>
    public IEnumerable<CopilotEvent> Pass(CopilotEvent next)
    {
        if (next is AnswerTextChunk chunk)
        {
            var shown = _text.Push(chunk.Text);
            if (shown.Length > 0) yield return new AnswerTextChunk(shown);
            yield break;
        }
        foreach (var held in End()) yield return held;
        yield return next is AnswerCodeBlock code
            ? code with { Code = SecretRedactor.Redact(code.Code).Text, Caption = code.Caption is null ? null : SecretRedactor.Redact(code.Caption).Text }
            : next;
    }

    /// <summary>Whatever text is still held, at the end of the answer or before a non-text event.</summary>
    public IEnumerable<CopilotEvent> End()
    {
        var held = _text.Flush();
        if (held.Length > 0) yield return new AnswerTextChunk(held);
    }
}
