using System.Text.RegularExpressions;

namespace Collab.Server.Chat;

/// <summary>
/// Finds <c>@name</c> mentions in a Markdown body. Code spans and fenced blocks are skipped, since
/// pasted logs and decorators (<c>@torch.jit.script</c>) are not mentions; so is the part after a
/// word character, so e-mail addresses are not either.
/// </summary>
public static partial class ChatMentionParser
{
    [GeneratedRegex(@"```.*?(```|$)|`[^`\n]*`", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![\w.@/\\-])@([A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_])?)")]
    private static partial Regex Mention();

    /// <summary>Every distinct name after an <c>@</c>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Names(string body) =>
        Mention().Matches(Code().Replace(body, " ")).Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
