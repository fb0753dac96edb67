namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>The fixed Dockerfile, the diff from the original, what changed, and what still needs a person.</summary>
public sealed record DockerfileFixResult(
    string FixedDockerfile,
    string Diff,
    IReadOnlyList<string> Applied,
    IReadOnlyList<DockerfileFinding> Original,
    IReadOnlyList<DockerfileFinding> Remaining)
{
    /// <summary>True when no warning or error remains.</summary>
    public bool IsClean => Remaining.All(f => f.Severity == FindingSeverity.Info);
}
