using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// One regular expression that finds a secret of a known shape. The secret is the group named
/// <c>secret</c> when there is one, else the whole match; <paramref name="Accept"/> can still turn
/// a match down (a Basic credential must decode to <c>user:password</c>).
/// </summary>
internal sealed record SecretPattern(string Kind, Regex Regex, Func<string, bool>? Accept = null)
{
    // Every pattern is written to run in linear time; the timeout is a backstop against a pattern
    // that is not, so a hostile paste costs a bounded time instead of a thread.
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(2);

    public static SecretPattern Of(string kind, string pattern, Func<string, bool>? accept = null, bool ignoreCase = false) =>
        new(kind, new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture
            | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), Backstop), accept);

    public void Find(string text, int rank, List<SecretSpan> into)
    {
        foreach (Match m in Regex.Matches(text))
        {
            var secret = m.Groups["secret"] is { Success: true } g ? g : (Group)m;
            if (secret.Length == 0 || (Accept is not null && !Accept(secret.Value))) continue;
            into.Add(new SecretSpan(secret.Index, secret.Index + secret.Length, Kind, rank));
        }
    }
}
