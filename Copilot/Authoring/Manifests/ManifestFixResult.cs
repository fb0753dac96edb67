namespace Collab.Copilot.Authoring.Manifests;

/// <summary>The auto-fixed manifest, the diff from the original, what was changed, and what still needs a person.</summary>
/// <param name="FixedYaml">The fixed YAML (unchanged documents are kept verbatim).</param>
/// <param name="Diff">Unified diff original → fixed; empty when nothing changed.</param>
/// <param name="Applied">One line per change made.</param>
/// <param name="Original">The findings before fixing.</param>
/// <param name="Remaining">The findings the fixed YAML still has (those that need the user's input).</param>
public sealed record ManifestFixResult(
    string FixedYaml,
    string Diff,
    IReadOnlyList<string> Applied,
    IReadOnlyList<ManifestFinding> Original,
    IReadOnlyList<ManifestFinding> Remaining)
{
    /// <summary>True when the fixed YAML has no findings left.</summary>
    public bool IsClean => Remaining.Count == 0;
}
