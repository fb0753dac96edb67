namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// The value written after a secret's name: where it is, whether it was quoted, and whether it is
/// only a stand-in for a secret (a reference, a template, a type, a mask) that must stay readable.
/// </summary>
internal readonly record struct SecretValue(int Start, int End, bool Quoted)
{
    private static readonly System.Buffers.SearchValues<char> UnquotedEnds = System.Buffers.SearchValues.Create("\"'`,;&)}] \t\r\n\f\v");

    // No secret is longer; the cap keeps a hostile run of "a=a=a=…" linear to scan.
    private const int MaxChars = 1024;

    public int Length => End - Start;

    /// <summary>Reads the value that starts at <paramref name="at"/> (after blanks): a quoted string on one line, or a run up to a blank or a delimiter.</summary>
    public static SecretValue? Read(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t') at++;
        if (at >= text.Length) return null;
        // Python/C# string prefixes: b"…", r'…', f"…", @"…".
        if (at + 1 < text.Length && text[at] is 'b' or 'r' or 'f' or 'u' or 'B' or 'R' or 'F' or 'U' or '@' && text[at + 1] is '"' or '\'') at++;
        var quote = text[at];
        if (quote is '"' or '\'' or '`')
        {
            for (var i = at + 1; i < text.Length && i <= at + MaxChars && text[i] != '\n'; i++)
            {
                if (text[i] == '\\') { i++; continue; }
                if (text[i] == quote) return i > at + 1 ? new SecretValue(at + 1, i, true) : null;
            }
            at++; // an unclosed quote: the rest of the word
        }
        var run = text.AsSpan(at, Math.Min(MaxChars, text.Length - at));
        var length = run.IndexOfAny(UnquotedEnds);
        if (length < 0) length = run.Length;
        return length > 0 ? new SecretValue(at, at + length, false) : null;
    }

    /// <summary>
    /// A YAML block scalar after a key (<c>password: |</c>, <c>&gt;-</c>): the lines below it indented deeper than the
    /// key's line, from the first one's text to the last one's end; null when <paramref name="at"/> holds no block indicator.
    /// </summary>
    public static SecretValue? BlockScalar(string text, int at)
    {
        var indicator = BlockIndicator.Match(text, at);
        if (!indicator.Success) return null;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        var keyIndent = Indent(text, lineStart);
        int start = -1, end = -1;
        for (var line = indicator.Index + indicator.Length; line < text.Length && line - at <= MaxChars;)
        {
            var next = text.IndexOf('\n', line);
            var lineEnd = next < 0 ? text.Length : next;
            var content = text.AsSpan(line, lineEnd - line).TrimEnd('\r');
            if (!content.IsWhiteSpace())
            {
                var indent = Indent(text, line);
                if (indent <= keyIndent) break;
                if (start < 0) start = line + indent;
                end = line + content.Length;
            }
            line = lineEnd + 1;
        }
        return start < 0 ? null : new SecretValue(start, end, true);
    }

    // |, >, with an optional chomping sign and indentation digit, then only blanks (or a comment) to the line's end.
    private static readonly System.Text.RegularExpressions.Regex BlockIndicator =
        new(@"\G[ \t]*[|>](?:[+-]?[1-9]?|[1-9][+-])[ \t]*(?:#[^\n]*)?\r?\n", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static int Indent(string text, int lineStart)
    {
        var i = lineStart;
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i - lineStart;
    }

    /// <summary>True when the value is no secret: a reference, template, placeholder, type, mask, path, or an existing redaction marker.</summary>
    public bool IsStandIn(string text) => IsStandIn(text.AsSpan(Start, Length), Quoted);

    /// <summary>True when <paramref name="value"/> only stands in for a secret; unquoted values are also checked for being code.</summary>
    public static bool IsStandIn(ReadOnlySpan<char> value, bool quoted)
    {
        if (value.Length < 3) return true;
        if (value[0] is '$' or '%' or '<' or '{' or '[' or '(' or '|' or '>' or '#' or '&' or '*') return true;
        if (value.StartsWith("#{") || value.StartsWith("@Microsoft.KeyVault", StringComparison.Ordinal)) return true;
        // Stand-ins are short; a long value is only looked at by its start.
        if (value.Length > 200) value = value[..200];
        if (value.ContainsAny("*•…") && value.Trim("*•….xX-_ ").IsEmpty) return true;
        if (OnlyOf(value, "xX.-_*")) return true;
        if (value.StartsWith("your", StringComparison.OrdinalIgnoreCase) && value.Length > 4 && !char.IsAsciiLetterLower(value[4])) return true;
        if (value.Length <= 12 && StandInWords.Contains(value.ToString())) return true;
        if (LooksLikePath(value)) return true;
        return !quoted && LooksLikeCode(value);
    }

    // Words that only name or type a secret. Literal defaults (changeme, admin, minioadmin) are not
    // here on purpose: they may be the real password, and redacting one loses nothing.
    private static readonly HashSet<string> StandInWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "nil", "none", "undefined", "true", "false", "yes", "no", "on", "off", "required", "optional", "str", "string",
        "bytes", "int", "secretstr", "redacted", "masked", "hidden", "omitted", "empty", "unset", "secret", "password", "token",
        "...", "stdin", "prompt",
    };

    private static bool OnlyOf(ReadOnlySpan<char> value, string chars)
    {
        foreach (var c in value) if (!chars.Contains(c)) return false;
        return true;
    }

    // /run/secrets/db, ~/.aws/credentials, ./key.pem, C:\keys\sa.json, client.key — where a secret is kept, not the secret.
    // A base64 key may begin with '/', so a path needs a plain lower-case directory name in it.
    private static bool LooksLikePath(ReadOnlySpan<char> value)
    {
        if (value.Length > 2 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] == '\\') return true;
        var extension = value.LastIndexOf('.');
        if (extension > 0 && FileExtensions.Contains(value[(extension + 1)..].ToString()) && !value.ContainsAny("+=")) return true;
        if (!(value.StartsWith("/") || value.StartsWith("~/") || value.StartsWith("./") || value.StartsWith("../"))) return false;
        foreach (var segment in value.ToString().Split('/'))
            if (segment.Length >= 3 && segment.All(c => char.IsAsciiLetterLower(c) || c is '.' or '-' or '_')) return true;
        return false;
    }

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "pem", "key", "crt", "cer", "der", "p12", "pfx", "jks", "json", "txt", "yaml", "yml", "env", "cfg", "conf", "ini", "pub", "asc", "gpg", "kdbx",
    };

    // Unquoted code on the right of an assignment reads a secret from elsewhere: getpass(), os.environ[...],
    // settings.SECRET_KEY, or a variable named for what it holds (token=token, password=db_password).
    private static bool LooksLikeCode(ReadOnlySpan<char> value)
    {
        if (value.ContainsAny("()[")) return true;
        var letters = true;
        var dotted = false;
        foreach (var c in value)
        {
            if (c == '.') dotted = true;
            else if (!char.IsAsciiLetter(c) && c != '_') letters = false;
        }
        if (!letters) return false;
        return dotted && value[0] != '.' && value[^1] != '.' || SecretNames.KindOf(value.ToString()) is not null;
    }
}
