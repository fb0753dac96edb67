namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>The lint findings for one Dockerfile.</summary>
public sealed record DockerfileLintResult(IReadOnlyList<DockerfileFinding> Findings)
{
    /// <summary>True when there is no warning or error (info findings are advice).</summary>
    public bool IsClean => Findings.All(f => f.Severity == FindingSeverity.Info);
}
