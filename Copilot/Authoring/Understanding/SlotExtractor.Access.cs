using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// What a request states for a PodDisruptionBudget (how many pods stay up, for which workload), for a
/// ServiceAccount's Role (which resources, which verbs), for an Ingress's TLS Secret, and the files a
/// ConfigMap is asked to hold.
/// </summary>
public static partial class SlotExtractor
{
    [GeneratedRegex(@"(?<![\w])min\s*-?\s*available\s*[:=]?\s*(\d{1,3}%?)", RegexOptions.IgnoreCase)]
    private static partial Regex MinAvailable();

    [GeneratedRegex(@"(?<![\w])max\s*-?\s*unavailable\s*[:=]?\s*(\d{1,3}%?)", RegexOptions.IgnoreCase)]
    private static partial Regex MaxUnavailable();

    // The API's plural resource names; "logs" next to pods is the pods/log subresource.
    [GeneratedRegex(@"(?<![\w/])(pods?|configmaps?|secrets?|services?|deployments?|statefulsets?|daemonsets?|replicasets?|jobs?|cronjobs?|persistentvolumeclaims?|pvcs?|events?|ingress(?:es)?|endpoints?|networkpolicies|serviceaccounts?)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"(?<![\w])(?:logs?|logov\w*|logy|logů|registres|registri|protokoll\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex LogWord();

    [GeneratedRegex(@"(?<![\w])(get|list|watch|create|update|patch|delete|deletecollection)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex ApiVerb();

    [GeneratedRegex(@"(?<![\w])tls(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex TlsWord();

    // A file name a ConfigMap is built from: "default.conf", "settings.ini", "prometheus.yml".
    [GeneratedRegex(@"(?<![\w/.\-])([\w\-]+\.(?:conf|cfg|ini|ya?ml|json|toml|properties|env|txt|xml|sh|py|lua|js))(?![\w])")]
    private static partial Regex FileName();

    private static readonly HashSet<string> NotWorkloadNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "with", "keeping", "that", "so", "which", "min", "max", "minavailable", "maxunavailable", "con", "amb", "mit", "s", "se", "sa", "keep", "label", "labels",
    };

    /// <summary>How many pods stay up ("minAvailable 2", "at least 2 pods up", "maxUnavailable 1") and which pods: a label pair, else the workload named beside its kind word.</summary>
    private static DisruptionSlot Disruption(string text)
    {
        var min = MinAvailable().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        var max = MaxUnavailable().Match(text) is { Success: true } x ? x.Groups[1].Value : null;
        if (min is null && max is null && Vocabulary.AtLeast.Match(text) is { Success: true } atLeast
            && Regex.Match(text[(atLeast.Index + atLeast.Length)..], @"^\s*(\d{1,3}%?)") is { Success: true } count)
            min = count.Groups[1].Value;
        var labels = LabelPair().Matches(text).Where(p => !p.Groups[1].Value.Contains('/') || p.Groups[1].Value.StartsWith("app.kubernetes.io", StringComparison.Ordinal))
            .DistinctBy(p => p.Groups[1].Value).ToDictionary(p => p.Groups[1].Value, p => p.Groups[2].Value);
        return new DisruptionSlot(min, max, labels, WorkloadNamed(text));
    }

    /// <summary>The workload a policy is for: the name-like word after a workload kind word ("pro statefulset etcd"), else the one before it ("for the api deployment").</summary>
    private static string? WorkloadNamed(string text)
    {
        foreach (var kind in new[] { ResourceKind.Deployment, ResourceKind.StatefulSet, ResourceKind.DaemonSet, ResourceKind.Job })
            foreach (Match k in Vocabulary.Kinds[kind].Matches(text))
            {
                var after = Regex.Match(text[(k.Index + k.Length)..], @"^\s+[`""']?([a-z][a-z0-9\-]*[a-z0-9])(?![\w])", I);
                if (after.Success && IsWorkloadName(after.Groups[1].Value)) return after.Groups[1].Value.ToLowerInvariant();
                var before = Regex.Match(text[..k.Index], @"([a-z][a-z0-9\-]*[a-z0-9])[`""']?\s+$", I);
                if (before.Success && IsWorkloadName(before.Groups[1].Value)) return before.Groups[1].Value.ToLowerInvariant();
            }
        return null;
    }

    private static bool IsWorkloadName(string word) =>
        !Stop.Contains(word) && !NotWorkloadNames.Contains(word) && !Vocabulary.Kinds.Values.Any(k => k.Match(word) is { Success: true } m && m.Length == word.Length);

    /// <summary>The resources and verbs a Role is asked to grant ("can get, list and watch pods and read pod logs", "llegir configmaps i secrets", "deployments anlegen, ändern und löschen").</summary>
    private static AccessSlot Granted(string text)
    {
        var resources = new List<string>();
        foreach (Match r in ResourceName().Matches(text))
        {
            var word = r.Value.ToLowerInvariant();
            // The ServiceAccount being drafted is not a resource it is granted.
            if (word.StartsWith("serviceaccount", StringComparison.Ordinal)) continue;
            // "service account" and "role binding" name the kind being drafted, not a resource to grant.
            if (word.StartsWith("service", StringComparison.Ordinal) && Regex.IsMatch(text[(r.Index + r.Length)..], @"^\s*-?\s*accounts?", I)) continue;
            if (Regex.IsMatch(text[..r.Index], @"serviceaccount\s*$|role\s*$", I)) continue;
            var plural = word switch
            {
                "pvc" or "pvcs" or "persistentvolumeclaim" => "persistentvolumeclaims",
                "ingress" => "ingresses",
                "endpoint" => "endpoints",
                _ when word.EndsWith('s') => word,
                _ => word + "s",
            };
            if (!resources.Contains(plural)) resources.Add(plural);
        }
        if (LogWord().IsMatch(text))
        {
            if (!resources.Contains("pods")) resources.Add("pods");
            resources.Add("pods/log");
        }
        var verbs = ApiVerb().Matches(text).Select(v => v.Value.ToLowerInvariant()).ToList();
        if (Vocabulary.ReadVerb.IsMatch(text)) verbs.AddRange(["get", "list", "watch"]);
        if (Vocabulary.CreateVerb.IsMatch(text)) verbs.Add("create");
        if (Vocabulary.UpdateVerb.IsMatch(text)) verbs.AddRange(["update", "patch"]);
        if (Vocabulary.DeleteVerb.IsMatch(text)) verbs.Add("delete");
        return new AccessSlot(resources, verbs.Distinct().ToList());
    }

    /// <summary>The Secret named for an Ingress's TLS: after a Secret noun near "tls", else a name ending in "-tls"; "" when TLS is asked with no Secret named.</summary>
    private static string? TlsSecret(string text)
    {
        if (TlsWord().Match(text) is not { Success: true } tls) return null;
        foreach (Match s in Vocabulary.SecretNoun.Matches(text))
        {
            if (Math.Abs(s.Index - tls.Index) > 40) continue;
            var after = Regex.Match(text[(s.Index + s.Length)..], @"^\s*[`""']?([a-z0-9][a-z0-9.\-]*[a-z0-9])(?![\w])", I);
            if (after.Success && !Stop.Contains(after.Groups[1].Value)) return after.Groups[1].Value.ToLowerInvariant();
        }
        return Regex.Match(text, @"(?<![\w\-])([a-z0-9][a-z0-9\-]*-tls)(?![\w\-])", I) is { Success: true } named ? named.Groups[1].Value.ToLowerInvariant() : "";
    }

    /// <summary>
    /// A file pasted for a ConfigMap: its name as the words give it, and its text — the fenced block after
    /// the name, or every line after the line that names it. Null when the request names no file with text after it.
    /// </summary>
    internal static (string Name, string Content, int Start)? ConfigFile(string text)
    {
        if (FileName().Match(text) is not { Success: true } file) return null;
        var rest = text[(file.Index + file.Length)..];
        var lineEnd = rest.IndexOf('\n');
        if (lineEnd < 0) return null;
        var body = rest[(lineEnd + 1)..];
        var start = file.Index + file.Length + lineEnd + 1;
        var fence = Regex.Match(body, @"^\s*```[\w\-]*[ \t]*\r?\n");
        if (fence.Success)
        {
            var close = body.IndexOf("```", fence.Length, StringComparison.Ordinal);
            body = close < 0 ? body[fence.Length..] : body[fence.Length..close];
        }
        body = body.TrimEnd();
        return body.Trim().Length == 0 ? null : (file.Groups[1].Value, body + "\n", start);
    }
}
