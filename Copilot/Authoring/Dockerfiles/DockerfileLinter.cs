namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>Lints a pasted or drafted Dockerfile with the CDF rules (see <see cref="DockerfileRules"/>); every finding carries its line.</summary>
public static class DockerfileLinter
{
    /// <summary>Lints <paramref name="dockerfile"/>.</summary>
    public static DockerfileLintResult Lint(string dockerfile) =>
        new(DockerfileAnalyzer.Analyze(dockerfile).Select(i => i.Finding).ToList());
}
