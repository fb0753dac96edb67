using System.Text.RegularExpressions;
using Collab.Copilot.Assistant.Languages;
using Microsoft.Extensions.AI;

namespace Collab.Copilot.Assistant.Prompts;

/// <summary>Asks the model to turn a question in another language into English search queries for the English index.</summary>
internal static partial class QueryRewritePrompt
{
    public static IReadOnlyList<ChatMessage> Build(string question, AnswerLanguage language) =>
    [
        new ChatMessage(ChatRole.System,
            "Rewrite the user's question, written in " + language + ", into one to three short English search queries " +
            "for a documentation index about JupyterHub, Kubernetes, GPUs and storage. One query per line, nothing else."),
        new ChatMessage(ChatRole.User, question),
    ];

    /// <summary>The usable lines of the model's reply: short, non-empty, at most three.</summary>
    public static IReadOnlyList<string> Parse(string reply) =>
        reply.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => ListMarker().Replace(l, "").Trim().Trim('"'))
            .Where(l => l.Length is >= 3 and <= 160)
            .Take(3)
            .ToList();

    [GeneratedRegex(@"^\s*(?:[-*•]|\d+[.)])\s*")]
    private static partial Regex ListMarker();
}
