using System.Text;
using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Understanding;
using YamlDotNet.Serialization;

namespace Collab.Copilot.Authoring.Tests.Dockerfiles;

/// <summary>
/// The analyzer's findings and rewrites, written out for every pasted Dockerfile in the case sets
/// and the every-rule set, must equal the golden file recorded before the analyzer was split into
/// one class per rule: the restructure changes no finding, message, line or fix.
/// </summary>
public sealed class DockerfileAnalyzerGoldenTests
{
    private const string Golden = "dockerfile-rules/golden.txt";

    [Fact]
    public void Findings_and_rewrites_are_unchanged()
    {
        var actual = Describe(Inputs());
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", Golden));
        if (actual != expected)
        {
            var written = Path.Combine(Path.GetTempPath(), "dockerfile-analyzer-golden.actual.txt");
            File.WriteAllText(written, actual);
            Assert.Fail($"The analyzer's output differs from Cases/{Golden}; the actual output is in {written}.");
        }
    }

    private static IEnumerable<string> Inputs()
    {
        foreach (var c in CaseFiles.Load<DockerfileCase>("dockerfiles.yaml").Where(c => c.Dockerfile is not null)) yield return c.Dockerfile!;
        foreach (var file in new[] { "dev", "heldout", "heldout-b" })
            foreach (var c in CaseFiles.Load<Understanding.DockerfileRequestCase>($"understanding/dockerfiles-{file}.yaml").Where(c => c.Dockerfile is not null))
                yield return RequestUnderstanding.Understand(c.Dockerfile!).Paste!;
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", "dockerfile-rules", "every-rule.yaml");
        foreach (var text in new DeserializerBuilder().Build().Deserialize<List<string>>(File.ReadAllText(path))) yield return text;
    }

    private static string Describe(IEnumerable<string> dockerfiles)
    {
        var text = new StringBuilder();
        foreach (var dockerfile in dockerfiles)
        {
            text.Append("=== ").Append(dockerfile.Split('\n')[0]).Append('\n');
            foreach (var issue in DockerfileAnalyzer.Analyze(dockerfile))
            {
                var f = issue.Finding;
                text.Append($"{f.RuleId} L{f.Line} {f.Severity} | {f.Message} | {f.Fix} | {issue.FixDescription}\n");
                if (issue.Rewrite is not null) text.Append("  rewrite: ").Append(issue.Rewrite().Replace("\n", "⏎")).Append('\n');
            }
        }
        return text.ToString();
    }
}
