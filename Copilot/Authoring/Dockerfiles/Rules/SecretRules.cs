using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Redaction;
using static Collab.Copilot.Authoring.Dockerfiles.DockerfileRules;
using static Collab.Copilot.Authoring.Dockerfiles.Rules.DockerfileScan;

namespace Collab.Copilot.Authoring.Dockerfiles.Rules;

/// <summary>The keys of an ENV or ARG that hold a secret, by name or by value, and the rewrite that drops one.</summary>
internal static partial class BakedSecrets
{
    [GeneratedRegex(@"(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|APIKEY|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)($|_)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    public static IEnumerable<string> Keys(DockerfileInstruction i)
    {
        foreach (var (key, value) in KeyValues(i.Arguments))
        {
            var secretName = SecretName().IsMatch(key);
            var secretValue = value is not null && SecretRedactor.Redact($"{key}={value}").HasRedactions && !value.StartsWith('$');
            if (!secretName && !secretValue) continue;
            if (i.Keyword == "ARG" && value is null && !secretName) continue;
            if (i.Keyword == "ENV" && (value is null || value.StartsWith('$') || value.Length == 0)) continue;
            yield return key;
        }
    }

    public static string Remove(DockerfileScan scan, DockerfileInstruction i, string key)
    {
        var rest = KeyValues(i.Arguments).Where(kv => kv.Key != key).ToList();
        if (rest.Count == 0 || !i.Arguments.Contains('=')) return DockerfileEdit.Replace(scan.All, i);
        return DockerfileEdit.Replace(scan.All, i, $"{i.Keyword} " + string.Join(' ', rest.Select(kv => kv.Value is null ? kv.Key : $"{kv.Key}=\"{kv.Value}\"")));
    }

    private static IEnumerable<(string Key, string? Value)> KeyValues(string args)
    {
        var a = args.Trim();
        if (!a.Contains('=')) { var parts = a.Split(' ', 2); yield return (parts[0], parts.Length > 1 ? parts[1] : null); yield break; }
        foreach (Match m in Regex.Matches(a, @"([\w.\-]+)(?:=(""[^""]*""|'[^']*'|\S*))?"))
            yield return (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value.Trim('"', '\'') : null);
    }
}

/// <summary>CDF015: a secret in ENV, baked into the image.</summary>
internal sealed class SecretEnvRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i) => i.Keyword != "ENV" ? [] :
        BakedSecrets.Keys(i).Select(key => Issue(FindingSeverity.Error, SecretEnv, i,
            $"ENV {key} puts a secret in the image (visible in docker history and to anyone who pulls it).",
            "Remove it; pass it at run time (Kubernetes Secret as env) instead.",
            () => BakedSecrets.Remove(scan, i, key), $"removed ENV {key} (supply it at run time / as a BuildKit secret)"));
}

/// <summary>CDF016: a secret passed as a build ARG.</summary>
internal sealed class SecretArgRule : IInstructionRule
{
    public IEnumerable<DockerfileIssue> Check(DockerfileScan scan, DockerfileInstruction i) => i.Keyword != "ARG" ? [] :
        BakedSecrets.Keys(i).Select(key => Issue(FindingSeverity.Warning, SecretArg, i,
            $"ARG {key} puts a secret in the image (visible in docker history and to anyone who pulls it).",
            "Use a BuildKit secret: RUN --mount=type=secret,id=" + key.ToLowerInvariant() + " ….",
            () => BakedSecrets.Remove(scan, i, key), $"removed ARG {key} (supply it at run time / as a BuildKit secret)"));
}
