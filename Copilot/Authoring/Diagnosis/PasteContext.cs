using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>Object names found in a paste (pod, namespace, job, claim, node), used to fill in confirm commands.</summary>
internal sealed record PasteContext(string? Pod, string? Namespace, string? Job, string? Pvc, string? Node)
{
    private const RegexOptions Opts = RegexOptions.Multiline | RegexOptions.CultureInvariant;
    private const string K8sName = @"([a-z0-9](?:[a-z0-9\-.]*[a-z0-9])?)";

    public static PasteContext From(string text) => new(
        First(text, $@"^Name:\s+{K8sName}\s*$", $@"\bpods?/{K8sName}", $@"\bpod ""{K8sName}""", $@"\bkubectl (?:logs|describe pod|exec) (?:-\S+ \S+ )?{K8sName}"),
        First(text, $@"^Namespace:\s+{K8sName}\s*$", $@"(?:^|\s)(?:-n|--namespace)[ =]{K8sName}", $@"\bnamespace[ :]+""?{K8sName}""?"),
        First(text, $@"Controlled By:\s+Job/{K8sName}", $@"\bjob-name={K8sName}", $@"\bjobs?(?:\.batch)?/{K8sName}", $@"\bjob ""{K8sName}"""),
        First(text, $@"persistentvolumeclaims? ""{K8sName}""", $@"ClaimName:\s+{K8sName}", $@"\bpvc/{K8sName}"),
        First(text, $@"^Node:\s+{K8sName}", $@"\bnode/{K8sName}"));

    /// <summary>Fills <c>{pod}</c>-style placeholders, keeping <c>&lt;pod&gt;</c> where the name is unknown.</summary>
    public string Fill(string command) => command
        .Replace("{pod}", Pod ?? "<pod>")
        .Replace("{namespace}", Namespace ?? "<namespace>")
        .Replace("{job}", Job ?? "<job>")
        .Replace("{pvc}", Pvc ?? "<pvc>")
        .Replace("{node}", Node ?? "<node>");

    private static string? First(string text, params string[] patterns)
    {
        foreach (var p in patterns)
        {
            var m = Regex.Match(text, p, Opts | RegexOptions.IgnoreCase);
            if (m.Success) return m.Groups[1].Value;
        }
        return null;
    }
}
