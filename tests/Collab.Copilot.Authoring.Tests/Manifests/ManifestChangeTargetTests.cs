using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Tests.Manifests;

/// <summary>Where a change to a paste goes (document, container), and the changes that take out, rename, resize and switch images.</summary>
public sealed class ManifestChangeTargetTests
{
    private const string TwoContainers = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          selector:
            matchLabels:
              app: app
          template:
            metadata:
              labels:
                app: app
            spec:
              containers:
              - name: app
                image: ghcr.io/acme/app:1.0
                readinessProbe:
                  tcpSocket:
                    port: 8080
                livenessProbe:
                  tcpSocket:
                    port: 8080
                env:
                - name: DEBUG_MODE
                  value: "1"
                resources:
                  requests:
                    cpu: "1"
                    memory: 1Gi
                  limits:
                    cpu: "1"
                    memory: 1Gi
                    nvidia.com/gpu: "1"
              - name: shipper
                image: ghcr.io/acme/shipper:1.0
        """;

    private const string ClaimAndJob = """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata:
          name: scratch
        spec:
          accessModes: [ReadWriteOnce]
          resources:
            requests:
              storage: 20Gi
        ---
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: fill
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: fill
                image: alpine:3.20
        """;

    [Theory]
    [InlineData(2, null, false, "shipper")]
    [InlineData(-1, null, false, "shipper")]
    [InlineData(null, "shipper", false, "shipper")]
    [InlineData(null, null, true, "shipper")]
    [InlineData(null, null, false, "app")]
    public void The_change_goes_to_the_container_the_words_point_at(int? ordinal, string? name, bool sidecar, string expected)
    {
        var slots = new RequestSlots { Memory = "256Mi", Change = new ChangeSlots { ContainerOrdinal = ordinal, Names = name is null ? [] : [name], Sidecar = sidecar } };

        var edit = ManifestEditor.Apply(TwoContainers, slots);

        var changed = Containers(Documents(edit.Yaml)[0]).Single(c => c.Map("resources")?.Map("limits")?.Str("memory") == "256Mi");
        Assert.Equal(expected, changed.Str("name"));
    }

    [Fact]
    public void Taking_out_the_limits_keeps_the_GPU_and_drops_what_is_left_empty()
    {
        var slots = new RequestSlots { Change = new ChangeSlots { Removals = [Removal.Limits, Removal.LivenessProbe], EnvToRemove = ["DEBUG_MODE"] } };

        var edit = ManifestEditor.Apply(TwoContainers, slots);

        var app = Containers(Documents(edit.Yaml)[0])[0];
        var limits = app.Map("resources")!.Map("limits")!;
        Assert.Equal(["nvidia.com/gpu"], limits.Children.Keys.Select(k => k.ToString()));
        Assert.Null(app.Get("livenessProbe"));
        Assert.NotNull(app.Get("readinessProbe"));
        Assert.Null(app.Get("env"));
        Assert.Equal(3, edit.Changes.Count);
    }

    [Fact]
    public void Removing_the_GPU_takes_it_out_of_limits_and_requests()
    {
        var edit = ManifestEditor.Apply(TwoContainers, new RequestSlots { Change = new ChangeSlots { Removals = [Removal.Gpu] } });

        Assert.DoesNotContain("nvidia.com/gpu", edit.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_kind_picks_the_document_and_a_size_resizes_a_pasted_claim()
    {
        var slots = new RequestSlots { StorageSize = "100Gi", Change = new ChangeSlots { Kinds = [ResourceKind.PersistentVolumeClaim] } };

        var edit = ManifestEditor.Apply(ClaimAndJob, slots);

        var docs = Documents(edit.Yaml);
        Assert.Equal("100Gi", docs[0].Map("spec")!.Map("resources")!.Map("requests")!.Str("storage"));
        Assert.Equal("fill", docs[1].Map("metadata")!.Str("name"));
    }

    [Fact]
    public void A_rename_goes_to_the_workload_of_a_multi_document_paste_and_an_image_switch_to_its_container()
    {
        var slots = new RequestSlots { Image = "alpine:3.21", Change = new ChangeSlots { NewName = "fill-v2" } };

        var edit = ManifestEditor.Apply(ClaimAndJob, slots);

        var docs = Documents(edit.Yaml);
        Assert.Equal("scratch", docs[0].Map("metadata")!.Str("name"));
        Assert.Equal("fill-v2", docs[1].Map("metadata")!.Str("name"));
        Assert.Equal("alpine:3.21", Containers(docs[1])[0].Str("image"));
        Assert.Equal(["edit.image", "edit.renamed"], edit.Changes.Select(c => c.Key));
    }

    private static List<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static List<YamlMappingNode> Containers(YamlMappingNode root) =>
        root.Map("spec")!.Map("template")!.Map("spec")!.Seq("containers")!.Children.OfType<YamlMappingNode>().ToList();
}
