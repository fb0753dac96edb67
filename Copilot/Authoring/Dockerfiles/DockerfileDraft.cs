namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>A drafted Dockerfile, companion files it expects (e.g. requirements.txt), the defaults assumed, and its lint result.</summary>
public sealed record DockerfileDraft(
    string Dockerfile,
    IReadOnlyDictionary<string, string> SupportingFiles,
    IReadOnlyList<Wording.Note> Assumptions,
    DockerfileLintResult Lint);
