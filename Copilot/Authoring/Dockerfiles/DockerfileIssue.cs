namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>A finding plus, when it can be repaired mechanically, the rewrite that returns the whole fixed file.</summary>
internal sealed record DockerfileIssue(DockerfileFinding Finding, Func<string>? Rewrite, string? FixDescription);
