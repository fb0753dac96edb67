using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;
using Collab.Copilot.Authoring.Wording;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Tests.Manifests;

public sealed class ManifestEditorTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            team: data
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: ghcr.io/acme/web:1.2.0
                ports:
                - containerPort: 8080
                readinessProbe:
                  httpGet:
                    path: /healthz
                    port: 8080
                resources:
                  requests:
                    cpu: "2"
        """;

    [Fact]
    public void Stated_changes_are_made_to_the_pasted_workload_and_everything_else_is_kept()
    {
        var slots = new RequestSlots { Replicas = 3, Gpu = new GpuSlot(1, null, false, false, null), Memory = "2Gi" };

        var edit = ManifestEditor.Apply(Deployment, slots);

        var root = Root(edit.Yaml);
        var container = Container(root);
        Assert.Equal("web", root.Map("metadata")!.Str("name"));
        Assert.Equal("data", root.Map("metadata")!.Map("annotations")!.Str("team"));
        Assert.Equal("ghcr.io/acme/web:1.2.0", container.Str("image"));
        Assert.Equal("3", root.Map("spec")!.Str("replicas"));
        Assert.Equal("1", container.Map("resources")!.Map("limits")!.Str("nvidia.com/gpu"));
        Assert.Equal("2Gi", container.Map("resources")!.Map("limits")!.Str("memory"));
        Assert.Equal("2Gi", container.Map("resources")!.Map("requests")!.Str("memory"));
        Assert.Equal(["edit.replicas", "edit.gpu", "edit.memory"], edit.Changes.Select(c => c.Key));
        // The paste's own findings (no securityContext) stay; the edit adds no schema or GPU finding.
        Assert.DoesNotContain(ManifestValidator.Validate(edit.Yaml).Findings, f => f.RuleId.StartsWith("k8s-", StringComparison.Ordinal) || f.RuleId == ManifestRules.GpuLimits);
    }

    [Theory]
    [InlineData("why cant i reach my app on port 80? replicas 3 didnt help either")]
    [InlineData("warum startet das nicht auf port 9000?")]
    [InlineData("zašto ne radi na portu 9000")]
    [InlineData("proč to s 3 replikami nefunguje?")]
    [InlineData("per què no arrenca amb 2 gpu?")]
    [InlineData("come mai non parte con 4Gi di memoria?")]
    public void A_question_asking_why_changes_nothing_in_the_paste(string request)
    {
        var edit = ManifestEditor.Apply(Deployment, SlotExtractor.ExtractChange(request));

        Assert.Empty(edit.Changes);
    }

    [Fact]
    public void A_cpu_limit_below_the_pasted_request_lowers_the_request_too()
    {
        var edit = ManifestEditor.Apply(Deployment, new RequestSlots { Cpu = "1" });

        var resources = Container(Root(edit.Yaml)).Map("resources")!;
        Assert.Equal("1", resources.Map("limits")!.Str("cpu"));
        Assert.Equal("1", resources.Map("requests")!.Str("cpu"));
    }

    [Fact]
    public void One_new_port_replaces_the_only_declared_port_and_the_probe_follows()
    {
        var edit = ManifestEditor.Apply(Deployment, new RequestSlots { ContainerPorts = [9090, 8080] });

        var container = Container(Root(edit.Yaml));
        Assert.Equal("9090", container.Seq("ports")!.Children.OfType<YamlMappingNode>().Single().Str("containerPort"));
        Assert.Equal("9090", container.Map("readinessProbe")!.Map("httpGet")!.Str("port"));
        Assert.Equal(new Note("edit.port-replaced", "8080", "9090"), edit.Changes.Single(), NoteComparer.Instance);
    }

    [Fact]
    public void A_claim_with_a_path_is_mounted_and_env_values_stay_strings()
    {
        var slots = new RequestSlots
        {
            Claims = [new ClaimSlot("datasets", "/data")],
            Env = new Dictionary<string, string> { ["WORKERS"] = "4" },
            Queue = "team-a",
        };

        var edit = ManifestEditor.Apply(Deployment, slots);

        Assert.Contains("claimName: datasets", edit.Yaml);
        Assert.Contains("mountPath: /data", edit.Yaml);
        Assert.Contains("value: \"4\"", edit.Yaml);
        // A queue label belongs to batch kinds only; a Deployment is left without it.
        Assert.DoesNotContain("queue-name", edit.Yaml);
    }

    [Fact]
    public void Nothing_stated_or_no_workload_leaves_the_paste_as_it_was()
    {
        Assert.Equal(Deployment, ManifestEditor.Apply(Deployment, new RequestSlots()).Yaml);
        var configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n";
        var edit = ManifestEditor.Apply(configMap, new RequestSlots { Replicas = 2 });
        Assert.Equal(configMap, edit.Yaml);
        Assert.Empty(edit.Changes);
    }

    [Fact]
    public void Only_the_workload_document_of_a_multi_document_paste_is_rewritten()
    {
        var service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80   # kept as written\n";
        var edit = ManifestEditor.Apply(service + "---\n" + Deployment, new RequestSlots { Replicas = 2 });

        Assert.StartsWith(service, edit.Yaml);
        Assert.Contains("replicas: 2", edit.Yaml);
    }

    [Fact]
    public void Added_ports_stay_beside_the_declared_one_and_replaced_ones_take_its_place()
    {
        var added = Container(Root(ManifestEditor.Apply(Deployment, SlotExtractor.ExtractChange("add port 9090 for metrics")).Yaml));
        Assert.Equal(["8080", "9090"], ((YamlSequenceNode)added["ports"]).Children.OfType<YamlMappingNode>().Select(p => p["containerPort"].ToString()));

        var replaced = Container(Root(ManifestEditor.Apply(Deployment, SlotExtractor.ExtractChange("port 9090 instead of 8080")).Yaml));
        Assert.Equal(["9090"], ((YamlSequenceNode)replaced["ports"]).Children.OfType<YamlMappingNode>().Select(p => p["containerPort"].ToString()));
    }

    [Fact]
    public void A_mig_slice_replaces_the_whole_gpu_and_requests_and_tolerations_are_set()
    {
        var withGpu = Deployment.Replace("                    cpu: \"2\"", "                    cpu: \"2\"\n                  limits:\n                    nvidia.com/gpu: 1");
        var edit = ManifestEditor.Apply(withGpu, SlotExtractor.ExtractChange("switch to a 2g.20gb mig slice, memory request 3Gi, add toleration gpu=true:NoSchedule"));

        var root = Root(edit.Yaml);
        var resources = (YamlMappingNode)Container(root)["resources"];
        var limits = (YamlMappingNode)resources["limits"];
        Assert.Equal("1", limits["nvidia.com/mig-2g.20gb"].ToString());
        Assert.False(limits.Children.ContainsKey("nvidia.com/gpu"));
        Assert.Equal("3Gi", ((YamlMappingNode)resources["requests"])["memory"].ToString());
        var pod = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["spec"])["template"])["spec"];
        Assert.Equal("gpu", ((YamlMappingNode)((YamlSequenceNode)pod["tolerations"]).Children[0])["key"].ToString());
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents.Last().RootNode;
    }

    private static YamlMappingNode Container(YamlMappingNode root) =>
        root.Map("spec")!.Map("template")!.Map("spec")!.Seq("containers")!.Children.OfType<YamlMappingNode>().First();

    private sealed class NoteComparer : IEqualityComparer<Note>
    {
        public static readonly NoteComparer Instance = new();
        public bool Equals(Note? x, Note? y) => x?.Key == y?.Key && x!.Args.SequenceEqual(y!.Args);
        public int GetHashCode(Note obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
