using Collab.Copilot.Authoring.Manifests;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Tests.Deploy;

/// <summary>
/// Collab's own Kubernetes manifests must pass Collab's own validator with no findings: every
/// resource a kustomization lists (patches are partial documents and are checked as part of
/// the resources they patch in review, not here), and every <c>*.example.yaml</c> beside them.
/// </summary>
public sealed class DeployManifestTests
{
    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        var k8s = Path.Combine(RepositoryRoot(), "deploy", "k8s");
        foreach (var kustomization in Directory.GetFiles(k8s, "kustomization.yaml", SearchOption.AllDirectories).Order())
        {
            var dir = Path.GetDirectoryName(kustomization)!;
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(kustomization)));
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            if (!root.Children.TryGetValue(new YamlScalarNode("resources"), out var resources)) continue;
            foreach (var entry in (YamlSequenceNode)resources)
            {
                var file = Path.Combine(dir, ((YamlScalarNode)entry).Value!);
                if (File.Exists(file)) data.Add(Path.GetRelativePath(RepositoryRoot(), file));
            }
        }
        // Examples operators copy and apply by hand (the clustered secret) must pass too.
        foreach (var example in Directory.GetFiles(k8s, "*.example.yaml", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(RepositoryRoot(), example));
        return data;
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Deploy_manifest_passes_the_validator_with_no_findings(string relativePath)
    {
        var result = ManifestValidator.Validate(File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath)));
        // A custom resource (the Prometheus Operator's PrometheusRule) gets one note that only its
        // syntax was checked; its content has its own tests (AlertRulesTests in the server's tests).
        var findings = result.Findings.Where(f => !(f.Severity == FindingSeverity.Info && f.RuleId == ManifestRules.UnknownKind)).ToList();
        Assert.True(findings.Count == 0, $"{relativePath}:\n" + string.Join("\n", findings));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Collab.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }
}
