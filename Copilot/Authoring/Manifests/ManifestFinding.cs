namespace Collab.Copilot.Authoring.Manifests;

/// <summary>One problem in a manifest.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="RuleId">Stable rule id, e.g. <c>pss-run-as-non-root</c> (see <see cref="ManifestRules"/>).</param>
/// <param name="Path">Where, as a field path inside the document, e.g. <c>spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation</c>; empty for the whole document.</param>
/// <param name="Line">1-based line in the pasted text, or null when unknown.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="Document">0-based index of the YAML document in a multi-document paste.</param>
/// <param name="Kind">The document's kind, when known.</param>
/// <param name="Name">The document's metadata.name, when known.</param>
public sealed record ManifestFinding(
    FindingSeverity Severity,
    string RuleId,
    string Path,
    int? Line,
    string Message,
    string Fix,
    int Document = 0,
    string? Kind = null,
    string? Name = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {RuleId} at {(Kind is null ? "" : $"{Kind}/{Name} ")}{Path}{(Line is null ? "" : $" (line {Line})")}: {Message} Fix: {Fix}";
}
