using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Secrets with no setting name in front of them: a password told in words ("my password is
/// hunter2", "heslo je …", "das Passwort ist …"), the password field of a <c>.pgpass</c> line
/// (<c>host:port:db:user:password</c>) or a <c>.netrc</c> entry, and an AWS secret access key that stands alone near its
/// key id or on a line about AWS secrets. Each is held to a shape that ordinary prose, hashes,
/// UUIDs, git SHAs and base64 outputs do not have.
/// </summary>
internal static class ProseSecrets
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(2);

    // "<secret word> [for up to three words] is|was|je|ist|lautet|es|és|è|est[:] value", in the languages
    // users of this service write, or "<secret word>: value".
    private static readonly Regex Told = new(
        @"(?<![\p{L}\p{N}_])(?<word>password|passwd|passphrase|passcode|pin|api[ _-]?key|token|secret|heslo|passwort|kennwort|contraseña|contrasenya|lozinka|zaporka|mot de passe)"
        + @"(?:(?:[ \t]+(?:for|of|to|pro|k|für|zu|para|pour)(?:[ \t]+[^\s:]{1,40}){1,3}?)?"
        + @"[ \t]+(?:now[ \t]+)?(?:is|was|will be|je|bila|glasi|bylo|ist|war|lautet|es|és|era|est|è|now)(?:[ \t]+now)?[ \t]*:?|[ \t]*:)[ \t]*"
        + @"(?<q>[""'“‘`])?(?<value>[^\s""'”’`]{4,128})",
        Options | RegexOptions.IgnoreCase, Backstop);

    // Told with a colon alone ("heslo: …"): only for words the assignment rules don't know as names.
    private static readonly HashSet<string> ColonWords = new(StringComparer.OrdinalIgnoreCase) { "heslo", "passwort", "kennwort", "contraseña", "contrasenya", "lozinka", "zaporka" };

    // host:port:database:user:password, one line each; fields are * or free text without ':' or spaces.
    private static readonly Regex PgPass = new(
        @"(?<=^|[\s'""])(?<host>[A-Za-z0-9._*\[\]-]*[A-Za-z.*][A-Za-z0-9._*\[\]-]*):(?:\d{1,5}|\*):[^:\s'""]+:[^:\s'""]+:(?<secret>[^\s:'""]+)(?=[\s'""]|$)",
        Options | RegexOptions.Multiline, Backstop);

    // A .netrc entry: "machine HOST [login USER] [account A] password SECRET", on one line or several.
    private static readonly Regex Netrc = new(
        @"\bmachine[ \t]+\S+(?:\s+(?:login|account)[ \t]+\S+)*\s+password[ \t]+(?<secret>\S+)", Options, Backstop);

    // 40 base64 characters, alone (not part of a longer base64 run).
    private static readonly Regex Base64Forty = new(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", Options, Backstop);
    private static readonly Regex AwsKeyId = new(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b", Options, Backstop);
    private static readonly Regex AwsSecretContext = new(@"\baws\b.*\bsecret|\bsecret.*\baws\b|secret[ _-]?(?:access[ _-]?)?key", Options | RegexOptions.IgnoreCase, Backstop);
    private const int KeyIdReach = 300;

    // Words that follow "password is" in prose about passwords, not as one.
    private static readonly HashSet<string> ProseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "required", "incorrect", "wrong", "invalid", "missing", "empty", "correct", "valid", "expired", "changed", "reset",
        "stored", "saved", "hashed", "encrypted", "set", "unset", "needed", "optional", "ignored", "used", "rejected",
        "accepted", "revoked", "not", "too", "the", "a", "an", "your", "my", "our", "their", "this", "that", "in", "at",
        "from", "still", "also", "only", "being", "case-sensitive", "sensitive", "secret", "unknown", "none", "null",
    };

    public static void Find(string text, List<SecretSpan> into)
    {
        FindTold(text, into);
        foreach (Match m in PgPass.Matches(text))
        {
            var secret = m.Groups["secret"];
            if (!SecretValue.IsStandIn(secret.ValueSpan, quoted: true))
                into.Add(new SecretSpan(secret.Index, secret.Index + secret.Length, "password", SecretSpan.AssignmentRank));
        }
        foreach (Match m in Netrc.Matches(text))
        {
            var secret = m.Groups["secret"];
            if (!SecretValue.IsStandIn(secret.ValueSpan, quoted: true))
                into.Add(new SecretSpan(secret.Index, secret.Index + secret.Length, "password", SecretSpan.AssignmentRank));
        }
        FindAwsSecrets(text, into);
    }

    private static void FindTold(string text, List<SecretSpan> into)
    {
        foreach (Match m in Told.Matches(text))
        {
            var word = m.Groups["word"].Value;
            var value = m.Groups["value"];
            var between = text.AsSpan(m.Index + word.Length, value.Index - m.Index - word.Length).Trim(" \t\"'“‘`".AsSpan());
            if (between is ":" && !ColonWords.Contains(word)) continue; // "password: …" is the assignment rules' to judge
            var quoted = m.Groups["q"].Success;
            if (value.ValueSpan.EndsWith(":")) continue; // code: if token is EOF:
            if (value.ValueSpan.Contains("//", StringComparison.Ordinal)) continue; // a URL: the URL rules judge its password
            var span = value.ValueSpan.TrimEnd(".,;?)]}".AsSpan());
            // A trailing '!' ends a sentence, unless the value has a digit (Sommer2024!).
            if (span.EndsWith("!") && !span.ContainsAnyInRange('0', '9')) span = span.TrimEnd('!');
            if (!LooksLikeSecret(span, quoted)) continue;
            into.Add(new SecretSpan(value.Index, value.Index + span.Length, word.Contains("key", StringComparison.OrdinalIgnoreCase) ? "api-key"
                : word.Equals("token", StringComparison.OrdinalIgnoreCase) ? "token" : word.Equals("secret", StringComparison.OrdinalIgnoreCase) ? "secret" : "password",
                SecretSpan.AssignmentRank));
        }
    }

    // "heslo: x" — the match between the word and the value is only a colon and blanks.
    private static bool IsColonForm(Match m, string word)
    {
        var between = m.Value.AsSpan(word.Length, m.Groups["value"].Index - m.Index - word.Length);
        return between.Trim(" \t\"'“‘`".AsSpan()) is ":";
    }

    /// <summary>
    /// A told value is a secret when it is not a word of prose: it has a digit or a symbol, or a capital
    /// letter past its first, or it was quoted; and it is no placeholder.
    /// </summary>
    private static bool LooksLikeSecret(ReadOnlySpan<char> value, bool quoted)
    {
        if (value.Length < 4 || ProseWords.Contains(value.ToString()) || SecretValue.IsStandIn(value, quoted: true)) return false;
        if (value.IndexOfAny("<>{}$[]".AsSpan()) >= 0 || value.StartsWith("REDACTED")) return false;
        if (quoted) return true;
        // snake_case or CONSTANT_CASE after "is" is code (assert token is expected_token), not a password told;
        // mixed case (Mrkva_77x) is neither.
        if (value.Contains('_') && !value.ContainsAnyExcept(IdentifierChars) && !(value.ContainsAnyInRange('a', 'z') && value.ContainsAnyInRange('A', 'Z'))) return false;
        foreach (var c in value) if (!char.IsLetter(c)) return true;
        foreach (var c in value[1..]) if (char.IsUpper(c)) return true;
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> IdentifierChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static void FindAwsSecrets(string text, List<SecretSpan> into)
    {
        foreach (Match m in Base64Forty.Matches(text))
        {
            var key = m.ValueSpan;
            if (!key.ContainsAnyInRange('a', 'z') || !key.ContainsAnyInRange('A', 'Z') || !key.ContainsAnyInRange('0', '9')) continue; // hex, SHAs
            if (!NearKeyId(text, m.Index) && !AwsSecretContext.IsMatch(Line(text, m.Index))) continue;
            into.Add(new SecretSpan(m.Index, m.Index + m.Length, "aws-secret-key", SecretSpan.ShapeRank));
        }
    }

    private static bool NearKeyId(string text, int at)
    {
        var start = Math.Max(0, at - KeyIdReach);
        var end = Math.Min(text.Length, at + 40 + KeyIdReach);
        return AwsKeyId.IsMatch(text.AsSpan(start, end - start));
    }

    private static string Line(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var end = text.IndexOf('\n', at);
        return text[start..(end < 0 ? text.Length : end)];
    }
}
