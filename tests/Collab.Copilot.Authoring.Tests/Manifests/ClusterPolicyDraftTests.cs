using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Tests.Manifests;

/// <summary>The policy kinds are drafted from the spec, validate clean, and never invent what was not stated (secret values, DNS left reachable).</summary>
public sealed class ClusterPolicyDraftTests
{
    [Fact]
    public void An_egress_policy_keeps_dns_reachable_beside_the_stated_ports()
    {
        var spec = new ManifestSpec { Kind = "NetworkPolicy", Name = "out", Traffic = new TrafficSlot(true, new Dictionary<string, string>(), [], [443]) };

        var draft = ManifestDrafter.FromSpec(spec);

        var egress = Root(draft.Yaml).Map("spec")!.Seq("egress")!.Children.OfType<YamlMappingNode>().ToList();
        Assert.Equal(2, egress.Count);
        Assert.Contains("k8s-app: kube-dns", draft.Yaml, StringComparison.Ordinal);
        Assert.Contains("port: 443", draft.Yaml, StringComparison.Ordinal);
        Assert.True(draft.Validation.IsClean, string.Join("; ", draft.Validation.Findings));
    }

    [Fact]
    public void An_ingress_policy_allows_only_the_stated_pods_and_namespaces_and_selects_every_pod()
    {
        var spec = new ManifestSpec
        {
            Kind = "NetworkPolicy", Name = "in",
            Traffic = new TrafficSlot(false, new Dictionary<string, string> { ["app"] = "web" }, ["ingress-nginx"], [8080]),
        };

        var root = Root(ManifestDrafter.FromSpec(spec).Yaml);

        Assert.Empty(root.Map("spec")!.Map("podSelector")!.Children);
        var from = root.Map("spec")!.Seq("ingress")!.Children.OfType<YamlMappingNode>().Single().Seq("from")!.Children.OfType<YamlMappingNode>().ToList();
        Assert.Equal("web", from[0].Map("podSelector")!.Map("matchLabels")!.Str("app"));
        Assert.Equal("ingress-nginx", from[1].Map("namespaceSelector")!.Map("matchLabels")!.Str("kubernetes.io/metadata.name"));
    }

    [Fact]
    public void A_secret_lists_its_keys_with_empty_values()
    {
        var draft = ManifestDrafter.FromSpec(new ManifestSpec { Kind = "Secret", Name = "creds", SecretKeys = ["API_TOKEN"] });

        Assert.Equal("", Root(draft.Yaml).Map("stringData")!.Str("API_TOKEN"));
    }

    [Fact]
    public void An_autoscaler_without_bounds_or_target_says_which_defaults_it_took()
    {
        var slots = SlotExtractor.Extract("hpa for the deployment web");
        var spec = ManifestRequestParser.FromSlots(slots, "hpa for the deployment web", out var assumptions);

        var root = Root(ManifestDrafter.FromSpec(spec).Yaml);

        Assert.Equal("web", root.Map("spec")!.Map("scaleTargetRef")!.Str("name"));
        Assert.Contains(assumptions, a => a.Key == "note.hpa-bounds");
        Assert.Contains(assumptions, a => a.Key == "note.hpa-utilization");
    }

    [Fact]
    public void A_quota_carries_every_stated_amount()
    {
        var slots = SlotExtractor.Extract("resourcequota for namespace ml: 4 gpus, 32 cpu, 128Gi memory, 50 pods");
        var spec = ManifestRequestParser.FromSlots(slots, "", out _);

        var hard = Root(ManifestDrafter.FromSpec(spec).Yaml).Map("spec")!.Map("hard")!;

        Assert.Equal("4", hard.Str("requests.nvidia.com/gpu"));
        Assert.Equal("32", hard.Str("limits.cpu"));
        Assert.Equal("128Gi", hard.Str("requests.memory"));
        Assert.Equal("50", hard.Str("pods"));
    }

    [Fact]
    public void An_autoscaler_named_beside_a_workload_scales_it_from_its_replicas()
    {
        var draft = ManifestDrafter.Draft("deployment ghcr.io/acme/api:1.0 with 3 replicas on port 8080, hpa up to 10 at 70% cpu");

        var hpa = Documents(draft.Yaml).Single(d => d.Str("kind") == "HorizontalPodAutoscaler");
        Assert.Equal("3", hpa.Map("spec")!.Str("minReplicas"));
        Assert.Equal("10", hpa.Map("spec")!.Str("maxReplicas"));
        Assert.Equal(hpa.Map("spec")!.Map("scaleTargetRef")!.Str("name"), Documents(draft.Yaml)[0].Map("metadata")!.Str("name"));
        Assert.True(draft.Validation.IsClean, string.Join("; ", draft.Validation.Findings));
    }

    private static List<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
