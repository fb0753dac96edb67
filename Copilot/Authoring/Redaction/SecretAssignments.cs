using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Values given to a setting whose name says secret (<see cref="SecretNames"/>), in every syntax
/// people paste: YAML, JSON, .env, INI, TOML, shell (<c>export</c>, <c>-e</c>, <c>--flag value</c>),
/// code (<c>os.environ["X_SECRET"] = "…"</c>, <c>os.Setenv("TOKEN", "…")</c>, keyword arguments),
/// HTTP headers (<c>Authorization: Bearer …</c>), query strings, connection strings, SQL
/// (<c>PASSWORD '…'</c>), XML, Kubernetes <c>env</c> name/value pairs and Dockerfile <c>ENV</c>.
/// </summary>
internal static class SecretAssignments
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(2);

    // A name, its closing quote or bracket (os.environ["X"]), and the separator. The value is not
    // part of the match, so a value that itself holds a setting (--from-literal=password=…) is scanned too.
    private static readonly Regex Assignment = new(
        @"(?<![A-Za-z0-9_.])(?<key>[A-Za-z_][A-Za-z0-9_.-]{0,100})(?<kq>[""'])?\]?[ \t]*(?<sep>:=|=>|==|=|:(?![:/\\])|,|[ \t](?=[bBrRuU@]?[""']))",
        Options, Backstop);

    // Forms where the name and the value are further apart; the value starts where the match ends.
    private static readonly Regex[] NamedValues =
    [
        // --password value, -token value (the = form is an assignment).
        new(@"(?<![A-Za-z0-9_-])--?(?<key>[A-Za-z][A-Za-z0-9_.-]{0,100})[ \t]+(?=[^\s-])", Options, Backstop),
        // aws configure set aws_secret_access_key …, git config --global github.token …, npm config set //host/:_authToken …
        new(@"\b(?:configure|config)[ \t]+(?:set[ \t]+)?(?:--[a-z-]+[ \t]+)*(?<key>[^\s=""']{1,200})[ \t]+(?=[^\s-])", Options, Backstop),
        // Dockerfile ENV/ARG in the legacy space-separated form.
        new(@"^[ \t]*(?:ENV|ARG)[ \t]+(?<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]+(?=[^\s=])", Options | RegexOptions.Multiline, Backstop),
        // Kubernetes env (- name: DB_PASSWORD / value: …), its JSON form, and .NET <add key="…" value="…"/>.
        new(@"\b(?:name|key)[""']?[ \t]*[:=][ \t]*[""']?(?<key>[A-Za-z_][A-Za-z0-9_.-]*)[""']?[ \t]*,?[ \t]*(?:\r?\n[ \t]*)?(?:-[ \t]*)?[""']?value[""']?[ \t]*[:=]",
            Options, Backstop),
    ];

    private static readonly Regex XmlElement = new(@"<(?<key>[A-Za-z_][A-Za-z0-9_.:-]*)>(?<value>[^<\s][^<\n]*)</\k<key>>", Options, Backstop);

    public static readonly SecretPattern[] Patterns =
    [
        // requests-style auth=("user", "password"), HTTPBasicAuth("user", "password").
        SecretPattern.Of("password", @"(?:\bauth[ \t]*=[ \t]*|\b[A-Za-z]*Auth)\([ \t]*[""'][^""'\n]*[""'][ \t]*,[ \t]*(?<q>[""'])(?<secret>[^""'\n]+)\k<q>",
            value => !SecretValue.IsStandIn(value, quoted: true)),
        SecretPattern.Of("password", @"\bIDENTIFIED[ \t]+BY[ \t]+(?<q>[""'])(?<secret>[^""'\n]+)\k<q>",
            value => !SecretValue.IsStandIn(value, quoted: true), ignoreCase: true),
    ];

    // Authorization header schemes: the credential is what follows the scheme.
    private static readonly HashSet<string> Schemes = new(StringComparer.OrdinalIgnoreCase)
        { "Bearer", "Basic", "Token", "Digest", "Bot", "ApiKey", "SSWS", "Negotiate", "NTLM", "Key", "GenieKey", "Splunk", "OAuth" };

    public static void Find(string text, List<SecretSpan> into)
    {
        foreach (Match m in Assignment.Matches(text))
        {
            var sep = m.Groups["sep"].Value;
            // "NAME", "value" is a call (os.Setenv, conf.set) only right after "(": in a list it is the next item.
            if (sep == "," && !(m.Groups["kq"].Success && OpensCall(text, m.Index))) continue;
            // A user name in a URL (https://__token__:…@host) is the URL rule's to judge.
            if (m.Index >= 3 && text.AsSpan(m.Index - 3, 3) is "://") continue;
            var key = m.Groups["key"].Value;
            // PASSWORD 'x' (SQL) but not: secret "hub-token" not found (kubectl events).
            if (sep is " " or "\t" && SecretNames.KindOf(key) != "password") continue;
            AddValue(text, key, m.Index + m.Length, sep == ":", into);
        }
        foreach (var regex in NamedValues)
            foreach (Match m in regex.Matches(text))
                AddValue(text, m.Groups["key"].Value, m.Index + m.Length, colon: false, into);
        foreach (Match m in XmlElement.Matches(text))
        {
            var value = m.Groups["value"];
            if (SecretNames.KindOf(m.Groups["key"].Value) is { } kind && !SecretValue.IsStandIn(value.ValueSpan.TrimEnd(), quoted: true))
                into.Add(new SecretSpan(value.Index, value.Index + value.ValueSpan.TrimEnd().Length, kind, SecretSpan.AssignmentRank));
        }
    }

    private static void AddValue(string text, string key, int at, bool colon, List<SecretSpan> into)
    {
        if (SecretNames.KindOf(key) is not { } kind) return;
        // password: >- (a YAML block scalar): the secret is the indented lines that follow.
        if (colon && SecretValue.BlockScalar(text, at) is { } block)
        {
            if (!block.IsStandIn(text)) into.Add(new SecretSpan(block.Start, block.End, kind, SecretSpan.AssignmentRank));
            return;
        }
        if (SecretValue.Read(text, at) is not { } value) return;
        if (AfterScheme(text, value) is { } credential) value = credential;
        else if (!value.Quoted && IsScheme(text, value.Start, value.End)) return;
        if (value.IsStandIn(text) || (colon && IsProse(text, value))) return;
        into.Add(new SecretSpan(value.Start, value.End, kind, SecretSpan.AssignmentRank));
    }

    /// <summary>For <c>Bearer abc</c> (quoted or not) the part after the scheme; null when the value starts with no scheme.</summary>
    private static SecretValue? AfterScheme(string text, SecretValue value)
    {
        var space = text.IndexOfAny([' ', '\t'], value.Start, value.Quoted ? value.Length : Math.Min(text.Length - value.Start, 40));
        if (value.Quoted)
        {
            if (space < 0 || !IsScheme(text, value.Start, space)) return null;
            var start = space;
            while (start < value.End && text[start] is ' ' or '\t') start++;
            return start < value.End ? new SecretValue(start, value.End, true) : null;
        }
        if (!IsScheme(text, value.Start, value.End)) return null;
        // Read stops at a line break, so the credential is on the scheme's line.
        return SecretValue.Read(text, value.End) is { Quoted: false } next ? next : null;
    }

    private static bool IsScheme(string text, int start, int end) => end - start <= 20 && Schemes.Contains(text[start..end]);

    // "token: expired yesterday", "password:  16 bytes" (kubectl describe secret): after a colon, a plain
    // word or number followed by more words on the line is prose, not a value.
    private static bool IsProse(string text, SecretValue value)
    {
        if (value.Quoted) return false;
        var word = text.AsSpan(value.Start, value.Length);
        if (word.ContainsAnyExceptInRange('a', 'z') && word.ContainsAnyExceptInRange('0', '9')) return false;
        var rest = text.AsSpan(value.End, Math.Min(200, text.Length - value.End));
        var lineEnd = rest.IndexOf('\n');
        rest = (lineEnd < 0 ? rest : rest[..lineEnd]).Trim();
        return rest.Length > 0 && rest[0] != '#';
    }

    private static bool OpensCall(string text, int keyStart)
    {
        var i = keyStart - 2; // before the opening quote
        while (i >= 0 && text[i] is ' ' or '\t') i--;
        return keyStart >= 1 && text[keyStart - 1] is '"' or '\'' && i >= 0 && text[i] == '(';
    }
}
