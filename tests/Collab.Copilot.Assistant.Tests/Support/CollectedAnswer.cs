using System.Text;
using Collab.Copilot.Assistant.Answers;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>A whole answer: its events, and the text a chat message would show.</summary>
public sealed record CollectedAnswer(IReadOnlyList<CopilotEvent> Events)
{
    public AnswerFinal Final => Assert.IsType<AnswerFinal>(Events[^1]);

    public IReadOnlyList<Citation> Citations => Assert.Single(Events.OfType<AnswerCitations>()).Citations;

    public IReadOnlyList<AnswerCodeBlock> Code(string language) => Events.OfType<AnswerCodeBlock>().Where(c => c.Language == language).ToList();

    public string Text => string.Concat(Events.OfType<AnswerTextChunk>().Select(t => t.Text));

    /// <summary>Everything the asker would see, code blocks included.</summary>
    public string Rendered
    {
        get
        {
            var text = new StringBuilder();
            foreach (var e in Events)
            {
                switch (e)
                {
                    case AnswerTextChunk t: text.Append(t.Text); break;
                    case AnswerCodeBlock c: text.Append($"```{c.Language}\n{c.Code}\n```\n"); break;
                    case AnswerCitations c: foreach (var s in c.Citations) text.Append($"[{s.Number}] {s.Reference} {s.Heading}\n"); break;
                }
            }
            return text.ToString();
        }
    }
}
