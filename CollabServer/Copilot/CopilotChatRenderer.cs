using System.Text;
using Collab.Copilot.Assistant.Answers;

namespace Collab.Server.Copilot;

/// <summary>Renders answer events as the Markdown of a chat message: text as is, fenced code, a numbered source list.</summary>
public static class CopilotChatRenderer
{
    public static string Render(CopilotEvent e) => e switch
    {
        AnswerTextChunk t => t.Text,
        AnswerCodeBlock c => $"\n{(c.Caption is null ? "" : $"**{c.Caption}**\n")}```{c.Language}\n{c.Code.TrimEnd('\n')}\n```\n",
        AnswerCitations { Citations.Count: > 0 } c => Sources(c.Citations),
        _ => "",
    };

    private static string Sources(IReadOnlyList<Citation> citations)
    {
        var text = new StringBuilder("\n**Sources**\n");
        foreach (var c in citations) text.Append($"[{c.Number}] `{c.Reference}` — {c.Heading}\n");
        return text.ToString();
    }
}
