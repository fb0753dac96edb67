using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Replaces secrets in pasted text (tokens, passwords, keys, connection strings) with
/// <c>[REDACTED:kind]</c> before the text reaches a model, a log or chat history.
/// Only the secret part is replaced, so the surrounding error stays readable.
/// </summary>
public static class SecretRedactor
{
    private const RegexOptions Opts = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private const RegexOptions OptsI = Opts | RegexOptions.IgnoreCase;

    // Order matters: whole blocks and structured tokens first, so the generic key=value
    // rules later do not cut a PEM block or a JWT in half.
    private static readonly (string Kind, Regex Pattern)[] Rules =
    [
        ("private-key", new Regex(@"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)", Opts)),
        ("kubeconfig-key", new Regex(@"(?<=\b(?:client-key-data|client-certificate-data|certificate-authority-data|id-token|refresh-token|token)\s*:\s*[""']?)(?!\[REDACTED)[A-Za-z0-9+/=._\-]{16,}", OptsI)),
        ("jwt", new Regex(@"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", Opts)),
        ("github-token", new Regex(@"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})", Opts)),
        ("slack-token", new Regex(@"\bxox[abposr]-[A-Za-z0-9\-]{10,}", Opts)),
        ("slack-webhook", new Regex(@"https://hooks\.slack\.com/services/[A-Za-z0-9/]+", Opts)),
        ("aws-access-key", new Regex(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b", Opts)),
        ("openai-key", new Regex(@"\bsk-(?:proj-)?[A-Za-z0-9_\-]{20,}", Opts)),
        ("bearer-token", new Regex(@"(?<=\b(?:Bearer|Token)\s+)(?!\[REDACTED)[A-Za-z0-9\-._~+/]{12,}=*", OptsI)),
        ("basic-auth", new Regex(@"(?<=\bBasic\s+)[A-Za-z0-9+/]{12,}=*", Opts)),
        ("url-password", new Regex(@"(?<=\b[a-z][a-z0-9+.\-]*://[^\s:/@]+:)(?!\[REDACTED)[^\s@/]+(?=@)", OptsI)),
        ("connection-string-password", new Regex(@"(?<=\b(?:password|pwd)\s*=\s*)(?!\[REDACTED)[^;'""\s&]+", OptsI)),
        ("secret-key", new Regex(@"(?<=\b(?:aws_secret_access_key|secret_access_key|secretaccesskey|minio_secret_key|minio_root_password|secret[_-]?key|access[_-]?key(?:[_-]?id)?|minio_access_key|minio_root_user|api[_-]?key|client[_-]?secret|auth[_-]?token|access[_-]?token)[""']?\s*[:=]\s*[""']?)(?!\[REDACTED)[^\s""',;]{6,}", OptsI)),
        ("password", new Regex(@"(?<=\b[A-Za-z0-9_\-.]*(?:password|passwd|pass|pwd|secret|token)[""']?\s*[:=]\s*[""']?)(?!\[REDACTED)[^\s""',;]{3,}", OptsI)),
        ("password-flag", new Regex(@"(?<=\s(?:-p|--password(?:=|\s+)|--token(?:=|\s+)))(?!\[REDACTED)(?![\-\s])[^\s""']{4,}", Opts)),
    ];

    /// <summary>Redacts every recognised secret in <paramref name="text"/>.</summary>
    public static RedactionResult Redact(string text)
    {
        var found = new List<RedactedSpan>();
        var result = text;
        foreach (var (kind, pattern) in Rules)
        {
            result = pattern.Replace(result, m =>
            {
                if (LooksLikePlaceholder(m.Value)) return m.Value;
                found.Add(new RedactedSpan(kind, LineOf(result, m.Index)));
                return $"[REDACTED:{kind}]";
            });
        }
        found.Sort((x, y) => x.Line.CompareTo(y.Line));
        return new RedactionResult(result, found);
    }

    // Keeps values that are obviously not secrets (references, templates, empty markers),
    // so "password: ${DB_PASSWORD}" or "secretKeyRef:" stay as written.
    private static bool LooksLikePlaceholder(string value) =>
        value.StartsWith('$') || value.StartsWith('<') || value.StartsWith("{{") || value.StartsWith('*')
        || value.StartsWith("[REDACTED", StringComparison.Ordinal)
        || value is "null" or "none" or "None" or "true" or "false" or "required" or "changeme-not-set"
        || value.EndsWith(':') || value.Contains("Ref", StringComparison.Ordinal)
        || value.StartsWith("REDACTED", StringComparison.OrdinalIgnoreCase);

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++) if (text[i] == '\n') line++;
        return line;
    }
}
