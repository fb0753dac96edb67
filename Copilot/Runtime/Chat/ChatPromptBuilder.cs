using Collab.Copilot.Runtime.Llama;
using Collab.Copilot.Runtime.Scheduling;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Runtime.Chat;

/// <summary>
/// Formats messages with the model's chat template and fits them into the context window.
/// Policy when the conversation is too long: keep every system message and the last message,
/// drop the oldest other messages one at a time until the prompt plus the answer budget fits;
/// if the kept messages alone do not fit, throw <see cref="ContextWindowExceededException"/>.
/// </summary>
internal static class ChatPromptBuilder
{
    public static int[] Build(LlamaModel model, IEnumerable<ChatMessage> messages, int contextSize, int answerBudget)
    {
        var all = messages.Select(m => (Role: m.Role.Value, Content: m.Text)).ToList();
        if (all.Count == 0) throw new ArgumentException("At least one chat message is required.", nameof(messages));
        var kept = new List<(string Role, string Content)>(all);
        while (true)
        {
            var tokens = model.Tokenize(LlamaChatTemplate.Apply(model, kept, addAssistantPrompt: true), addSpecial: true, parseSpecial: true);
            if (tokens.Length + answerBudget <= contextSize) return tokens;
            var oldest = kept.FindIndex(0, kept.Count - 1, m => m.Role != ChatRole.System.Value);
            if (oldest < 0) throw new ContextWindowExceededException(tokens.Length + answerBudget, contextSize);
            kept.RemoveAt(oldest);
        }
    }
}
