namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Validates pasted or drafted Kubernetes YAML (one or more documents): YAML syntax, schema
/// (bound to the <c>KubernetesClient</c> models: unknown/misspelled fields, wrong types, required
/// fields) and policy (Pod Security Standards restricted, requests/limits, pinned images, probes,
/// GPU limits, Kueue). Every finding names its rule, path, line and fix.
/// </summary>
public static class ManifestValidator
{
    /// <summary>Validates <paramref name="yaml"/>.</summary>
    public static ManifestValidationResult Validate(string yaml)
    {
        var session = ManifestSession.Load(yaml);
        var findings = session.Analyze().Select(x => x.Issue.Finding).ToList();
        return new ManifestValidationResult(findings, session.Documents.Count);
    }
}
