namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>
/// Applies the mechanical fixes one at a time, re-linting after each (a fix can change line
/// numbers and what later rules see), and returns the fixed file with a unified diff.
/// </summary>
public static class DockerfileFixer
{
    private const int MaxFixes = 100;

    /// <summary>Fixes <paramref name="dockerfile"/>.</summary>
    public static DockerfileFixResult Fix(string dockerfile)
    {
        var original = DockerfileAnalyzer.Analyze(dockerfile);
        var text = dockerfile.EndsWith('\n') ? dockerfile : dockerfile + "\n";
        var applied = new List<string>();
        var issues = original;
        for (var n = 0; n < MaxFixes; n++)
        {
            var next = issues.FirstOrDefault(i => i.Rewrite is not null);
            if (next is null) break;
            text = next.Rewrite!();
            applied.Add($"line {next.Finding.Line}: {next.FixDescription}");
            issues = DockerfileAnalyzer.Analyze(text);
        }
        if (applied.Count == 0) text = dockerfile;
        return new DockerfileFixResult(text, UnifiedDiff.Create(dockerfile, text, "Dockerfile"), applied,
            original.Select(i => i.Finding).ToList(), issues.Select(i => i.Finding).ToList());
    }
}
