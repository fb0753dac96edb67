namespace Collab.Copilot.Authoring.Manifests;

/// <summary>The findings for one pasted or drafted YAML text (all its documents).</summary>
/// <param name="Findings">Every finding, in document and line order.</param>
/// <param name="DocumentCount">How many YAML documents were read.</param>
public sealed record ManifestValidationResult(IReadOnlyList<ManifestFinding> Findings, int DocumentCount)
{
    /// <summary>True when the cluster should accept it: no error findings.</summary>
    public bool IsValid => Findings.All(f => f.Severity != FindingSeverity.Error);

    /// <summary>True when nothing at all was found.</summary>
    public bool IsClean => Findings.Count == 0;
}
