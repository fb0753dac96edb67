using Collab.Copilot.Assistant.Answers;

namespace Collab.Server.Copilot;

/// <summary>
/// One copilot answer event on the wire (SSE <c>data:</c> and hub stream items), flat so every
/// protocol carries it: <see cref="Type"/> is <c>text</c>, <c>code</c>, <c>citations</c> or <c>final</c>.
/// </summary>
public sealed record CopilotWireEvent(
    string Type,
    string? Text = null,
    string? Language = null,
    string? Caption = null,
    IReadOnlyList<Citation>? Citations = null,
    string? Intent = null,
    string? Mode = null,
    string? AnswerLanguage = null,
    string? Disclaimer = null)
{
    public static CopilotWireEvent From(CopilotEvent e) => e switch
    {
        AnswerTextChunk t => new("text", Text: t.Text),
        AnswerCodeBlock c => new("code", Text: c.Code, Language: c.Language, Caption: c.Caption),
        AnswerCitations c => new("citations", Citations: c.Citations),
        AnswerFinal f => new("final", Intent: f.Intent.ToString(), Mode: f.Mode.ToString(), AnswerLanguage: f.Language.ToString(), Disclaimer: f.Disclaimer),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown copilot event."),
    };
}
