namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// Decides from a setting's name alone whether its value is a secret, the way people name them in
/// every syntax they paste: <c>DB_PASSWORD</c>, <c>dbPassword</c>, <c>client-key-data</c>,
/// <c>fs.s3a.secret.key</c>, <c>X-Api-Key</c>, <c>pgpassword</c>. Only the last words count, so
/// <c>password_file</c>, <c>secretName</c>, <c>token_type</c> and <c>max_tokens</c> are not secrets.
/// </summary>
internal static class SecretNames
{
    private static readonly HashSet<string> PasswordWords = ["password", "passwd", "passphrase", "pwd", "pass", "pw"];
    private static readonly HashSet<string> TokenWords =
        ["token", "pat", "auth", "authorization", "sig", "signature", "cookie", "credential", "credentials", "dockerconfigjson", "dockercfg"];
    private static readonly HashSet<string> SecretWords = ["secret", "apikey", "privatekey", "secretkey", "accesskey", "accesskeyid", "clientsecret"];

    // "<qualifier> key" is a secret (api key, account key, tls key); a bare "key" (label selectors, dict keys) is not.
    private static readonly HashSet<string> KeyQualifiers =
    [
        "api", "access", "secret", "private", "signing", "sign", "encryption", "encrypt", "master", "account", "shared",
        "session", "app", "application", "license", "storage", "client", "auth", "admin", "service", "root", "webhook",
        "consumer", "hmac", "ssh", "deploy", "tls", "subscription", "primary", "secondary", "function", "host", "instrumentation",
    ];

    // Concatenated lower-case names (pgpassword, identitytoken) end in one of these.
    private static readonly string[] StrongSuffixes = ["password", "passwd", "passphrase", "token", "secret", "apikey", "secretkey", "accesskey", "privatekey"];

    // Servers' own option names that join a verb and "pass"/"auth" (redis --requirepass, masterauth), where a "pass"
    // suffix alone (bypass, compass) would say nothing.
    private static readonly HashSet<string> ServerOptions = ["requirepass", "masterauth", "masterpass"];

    /// <summary>The redaction kind for a value stored under <paramref name="name"/>, or null when the name does not say secret.</summary>
    public static string? KindOf(string name)
    {
        var words = Words(name);
        if (words.Count == 0) return null;
        var last = words[^1];
        var previous = words.Count > 1 ? words[^2] : "";
        if (ServerOptions.Contains(last)) return "password";
        if (PasswordWords.Contains(last)) return last == "pwd" && words.Count == 1 ? null : "password";
        if (TokenWords.Contains(last)) return "token";
        if (SecretWords.Contains(last)) return previous == "existing" ? null : "secret";
        if (last == "key" && KeyQualifiers.Contains(previous)) return "secret";
        if (last == "id" && previous == "key" && words.Count > 2 && words[^3] == "access") return "secret";
        if (last == "data" && previous == "key") return "secret";
        foreach (var suffix in StrongSuffixes)
            if (last.EndsWith(suffix, StringComparison.Ordinal) && last.Length > suffix.Length)
                return suffix.StartsWith("pass", StringComparison.Ordinal) ? "password" : suffix == "token" ? "token" : "secret";
        return null;
    }

    /// <summary>Lower-case words of a name split at punctuation and camel-case humps (<c>XMLHttpToken</c> → xml, http, token).</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                Flush();
                continue;
            }
            var hump = current.Length > 0 && char.IsAsciiLetterUpper(c)
                && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1])
                    || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1])));
            if (hump) Flush();
            current.Append(char.ToLowerInvariant(c));
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0) words.Add(current.ToString());
            current.Clear();
        }
    }
}
