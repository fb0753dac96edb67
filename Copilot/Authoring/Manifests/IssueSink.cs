using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Collects issues for one YAML document, stamping each with the document's index, kind and name.</summary>
internal sealed class IssueSink(int document, int lineOffset)
{
    private readonly List<ManifestIssue> _issues = [];

    public int Document { get; } = document;
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public IReadOnlyList<ManifestIssue> Issues => _issues;

    public void Add(FindingSeverity severity, string rule, string path, YamlNode? near, string message, string fix,
        Action? apply = null, string? fixDescription = null) =>
        _issues.Add(new ManifestIssue(
            new ManifestFinding(severity, rule, path, YamlTree.LineOf(near) + lineOffset, message, fix, Document, Kind, Name),
            apply, apply is null ? null : fixDescription ?? fix));

    /// <summary>Adds an issue at a known absolute line (for syntax errors, which have no tree node).</summary>
    public void AddAtLine(int line, FindingSeverity severity, string rule, string message, string fix) =>
        _issues.Add(new ManifestIssue(new ManifestFinding(severity, rule, "", line, message, fix, Document, Kind, Name), null, null));
}
