using Collab.Copilot.Authoring.Manifests;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Tests.Manifests;

public sealed class ManifestDraftTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_request_in_words_drafts_the_expected_manifest_with_zero_findings()
    {
        var cases = CaseFiles.Load<ManifestRequestCase>("manifest-requests.yaml");
        Assert.True(cases.Count >= 30);
        PassRate.Run(output, "manifest requests", cases, c => c.Request, Check);
    }

    private static void Check(ManifestRequestCase c)
    {
        var draft = ManifestDrafter.Draft(c.Request);
        PassRate.That(draft.Validation.IsClean, "findings: " + string.Join("; ", draft.Validation.Findings));
        var docs = Documents(draft.Yaml);
        var kinds = docs.Select(d => d.Str("kind")).ToList();
        PassRate.That(kinds.Contains(c.Kind), $"kind {c.Kind} not in [{string.Join(", ", kinds)}]");
        foreach (var k in c.Kinds) PassRate.That(kinds.Contains(k), $"kind {k} not in [{string.Join(", ", kinds)}]");
        var main = docs.First(d => d.Str("kind") == c.Kind);
        var text = draft.Yaml;

        var pod = PodSpec(main, c.Kind);
        var container = pod?.Seq("containers")?.Children.OfType<YamlMappingNode>().First();
        if (c.Gpu is not null)
        {
            var limits = container?.Map("resources")?.Map("limits");
            PassRate.That(limits?.Str(c.Gpu) == (c.GpuCount ?? 1).ToString(), $"limits.{c.Gpu} is {limits?.Str(c.Gpu) ?? "missing"}");
            PassRate.That(container?.Map("resources")?.Map("requests")?.Str(c.Gpu) == limits?.Str(c.Gpu), "GPU requests != limits");
        }
        else if (container is not null)
            PassRate.That(!text.Contains("nvidia.com/"), "unexpected GPU resource");

        var labels = (c.Kind == "CronJob" ? main.Map("spec")?.Map("jobTemplate")?.Map("metadata") : main.Map("metadata"))?.Map("labels");
        foreach (var (k, v) in c.Labels) PassRate.That(labels?.Str(k) == v, $"label {k}={v} missing (got {labels?.Str(k) ?? "none"})");
        var mounts = container?.Seq("volumeMounts")?.Children.OfType<YamlMappingNode>().Select(m => m.Str("mountPath")).ToList() ?? [];
        foreach (var m in c.Mounts) PassRate.That(mounts.Contains(m), $"mount {m} not in [{string.Join(", ", mounts)}]");
        var claims = pod?.Seq("volumes")?.Children.OfType<YamlMappingNode>().Select(v => v.Map("persistentVolumeClaim")?.Str("claimName")).ToList() ?? [];
        foreach (var cl in c.Claims) PassRate.That(claims.Contains(cl), $"claim {cl} not in [{string.Join(", ", claims)}]");
        if (c.Replicas is { } r) PassRate.That(main.Map("spec")?.Str("replicas") == r.ToString(), $"replicas {main.Map("spec")?.Str("replicas")}");
        if (c.Schedule is { } s) PassRate.That(main.Map("spec")?.Str("schedule") == s, $"schedule {main.Map("spec")?.Str("schedule")}");
        if (c.ImageContains is { } img) PassRate.That(container?.Str("image")?.Contains(img) == true, $"image {container?.Str("image")}");
        if (c.ServicePort is { } port)
        {
            var svc = docs.FirstOrDefault(d => d.Str("kind") == "Service");
            PassRate.That(svc?.Map("spec")?.Seq("ports")?.Children.OfType<YamlMappingNode>().Any(p => p.Str("port") == port.ToString()) == true, $"no Service port {port}");
        }
        if (c.Storage is { } size) PassRate.That(text.Contains("storage: " + size), $"storage {size} missing");
        var env = container?.Seq("env")?.Children.OfType<YamlMappingNode>().ToDictionary(e => e.Str("name")!, e => e.Str("value")) ?? [];
        var data = main.Map("data");
        foreach (var (k, v) in c.Env) PassRate.That(env.GetValueOrDefault(k) == v || data?.Str(k) == v, $"env/data {k}={v} missing");
        if (c.Command.Count > 0)
        {
            var command = container?.Seq("command")?.Children.OfType<YamlScalarNode>().Select(x => x.Value).ToList() ?? [];
            PassRate.That(command.SequenceEqual(c.Command), $"command [{string.Join(" ", command)}]");
        }
    }

    [Fact]
    public void Spec_schema_is_json_with_the_spec_fields_and_round_trips()
    {
        Assert.Contains("\"kind\"", ManifestSpec.JsonSchema);
        Assert.Contains("\"migProfile\"", ManifestSpec.JsonSchema);
        var spec = ManifestRequestParser.Parse("a Job that trains on 2 GPUs in the research queue", out _);
        var back = ManifestSpec.FromJson(spec.ToJson());
        Assert.Equal(spec.Gpu, back.Gpu);
        Assert.Equal("research", back.QueueName);
        Assert.True(ManifestDrafter.FromSpec(back).Validation.IsClean);
    }

    private static YamlMappingNode? PodSpec(YamlMappingNode doc, string kind) => kind switch
    {
        "CronJob" => doc.Map("spec")?.Map("jobTemplate")?.Map("spec")?.Map("template")?.Map("spec"),
        "Deployment" or "StatefulSet" or "Job" => doc.Map("spec")?.Map("template")?.Map("spec"),
        _ => null,
    };

    internal static List<YamlMappingNode> Documents(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }
}
