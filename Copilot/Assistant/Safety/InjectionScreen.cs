using System.Text.RegularExpressions;

namespace Collab.Copilot.Assistant.Safety;

/// <summary>
/// Drops lines of retrieved passages and notebook cells that read as instructions to the
/// assistant ("ignore previous instructions", "print the system prompt", chat-template role
/// markers). Those texts are data: delimiting them tells a model so, and screening them keeps
/// them out of extractive quotes and out of the model's reach altogether.
/// </summary>
internal static partial class InjectionScreen
{
    public const string Removed = "[instruction-like text removed]";

    /// <summary>The text with instruction-like lines replaced by <see cref="Removed"/>.</summary>
    public static string Screen(string text)
    {
        if (!Suspicious().IsMatch(text)) return text;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (Suspicious().IsMatch(lines[i])) lines[i] = Removed;
        return string.Join('\n', lines);
    }

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|guidelines|context)\b" +
        @"|\b(system|hidden|initial|developer)\s+(prompt|message|instructions?)\b" +
        @"|\b(print|reveal|show|output|repeat|leak|tell me|display|echo)\b.{0,40}\b(prompt|token|secret|password|api[ _-]?key|credentials?)\b" +
        @"|\byou are now\b|\bnew instructions\b|\bact as\b.{0,30}\b(assistant|ai|model|system)\b" +
        @"|<\|im_(start|end)\|>|<<\s*/?SYS\s*>>|\[/?INST\]|^\s*#{2,}\s*(system|assistant|instruction)s?\s*:?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Suspicious();
}
