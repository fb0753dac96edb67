using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using k8s.Models;
using YamlDotNet.RepresentationModel;
using static Collab.Copilot.Assistant.Tests.Support.AnswerYaml;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>The held-out cases about a pasted manifest (edits and reviews) and how an answer to each is judged.</summary>
internal static class PastedManifestCases
{
    public interface IPerLanguage
    {
        string Lang { get; }
    }

    public static string? CheckReview(ReviewCase c, CollectedAnswer answer)
    {
        if (answer.Final.Intent != CopilotIntent.ManifestCheck) return $"routed to {answer.Final.Intent}";
        if (answer.Final.Language.Code() != c.Lang) return $"answered in {answer.Final.Language.Code()}";
        // An edit shows the changed paste as "manifest.yaml" before validating it; a review shows at most the fixer's version.
        return answer.Code("yaml").Any(b => b.Caption == "manifest.yaml") ? "the paste was edited" : null;
    }

    public static string? CheckEdit(EditCase c, CollectedAnswer answer)
    {
        if (EditedDocument(answer, c.Lang, c.Kind, c.Name, out var main) is { } miss) return miss;
        foreach (var path in c.Absent.Where(p => p.StartsWith('/')))
            if (Node(main, path[1..]) is not null) return $"{path} still there";
        if (c.Storage is { } storage && Str(Map(Map(Map(main, "spec"), "resources"), "requests"), "storage") != storage) return $"storage {Str(Map(Map(Map(main, "spec"), "resources"), "requests"), "storage")}";
        if (c.Schedule is { } schedule && Str(Map(main, "spec"), "schedule") != schedule) return $"schedule {Str(Map(main, "spec"), "schedule")}";
        if (c.Replicas is { } r && Str(Map(main, "spec"), "replicas") != r.ToString()) return $"replicas {Str(Map(main, "spec"), "replicas")}";
        foreach (var (k, v) in c.Labels) if (Str(Map(Map(main, "metadata"), "labels"), k) != v) return $"no label {k}={v}";
        var pod = Str(main, "kind") == "CronJob" ? Map(Map(Map(Map(Map(main, "spec"), "jobTemplate"), "spec"), "template"), "spec") : Map(Map(Map(main, "spec"), "template"), "spec");
        if (pod is null) return null;
        var tolerations = Sequence(pod, "tolerations").Select(t => Str(t, "key")).ToList();
        foreach (var key in c.Tolerations) if (!tolerations.Contains(key)) return $"no toleration for {key}";
        var containers = Sequence(pod, "containers").ToList();
        var container = c.Container is null ? containers.FirstOrDefault()
            : c.Container.StartsWith('#') ? containers.ElementAtOrDefault(int.Parse(c.Container[1..]) - 1)
            : containers.FirstOrDefault(x => Str(x, "name") == c.Container);
        if (container is null) return $"no container {c.Container ?? "#1"}";
        if (c.Image is { } image ? Str(container, "image") != image : Str(container, "image")?.Contains(c.ImageContains, StringComparison.Ordinal) != true) return $"image {Str(container, "image")}";
        foreach (var path in c.Absent.Where(p => !p.StartsWith('/')))
            if (Node(container, path) is not null) return $"{path} still there";
        var limits = Map(Map(container, "resources"), "limits");
        var requests = Map(Map(container, "resources"), "requests");
        if (c.GpuCount is { } gpus && Str(limits, "nvidia.com/gpu") != gpus.ToString()) return $"nvidia.com/gpu limit {Str(limits, "nvidia.com/gpu") ?? "missing"}";
        if (c.Memory is { } memory && Str(limits, "memory") != memory) return $"memory limit {Str(limits, "memory") ?? "missing"}";
        if (c.Cpu is { } cpu && Str(limits, "cpu") != cpu) return $"cpu limit {Str(limits, "cpu") ?? "missing"}";
        foreach (var (k, v) in c.Limits) if (!SameQuantity(Str(limits, k), v)) return $"limits.{k} {Str(limits, k) ?? "missing"}";
        foreach (var (k, v) in c.Requests) if (!SameQuantity(Str(requests, k), v)) return $"requests.{k} {Str(requests, k) ?? "missing"}";
        foreach (var k in c.AbsentLimits) if (Str(limits, k) is not null) return $"limits.{k} still there";
        var ports = Sequence(container, "ports").Select(p => Str(p, "containerPort")).ToList();
        if (c.ContainerPort is { } port && !ports.Contains(port.ToString())) return $"no containerPort {port}";
        foreach (var p in c.Ports) if (!ports.Contains(p.ToString())) return $"no containerPort {p} in [{string.Join(", ", ports)}]";
        var mounts = Sequence(container, "volumeMounts").Select(m => Str(m, "mountPath")).ToList();
        foreach (var m in c.Mounts) if (!mounts.Contains(m)) return $"no mount at {m}";
        var env = Sequence(container, "env").ToDictionary(e => Str(e, "name") ?? "", e => Str(e, "value"));
        foreach (var (k, v) in c.Env) if (env.GetValueOrDefault(k) != v) return $"no env {k}={v}";
        return null;
    }

    private static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode node, string key) =>
        (node.Children.TryGetValue(key, out var child) ? child as YamlSequenceNode : null)?.Children.OfType<YamlMappingNode>() ?? [];

    // 1.5Gi and 1536Mi, 0.5 and 500m are the same request.
    private static bool SameQuantity(string? actual, string expected)
    {
        if (actual is null) return false;
        if (actual == expected) return true;
        try { return new ResourceQuantity(actual).ToDecimal() == new ResourceQuantity(expected).ToDecimal(); }
        catch (FormatException) { return false; }
    }

    // Mutable DTOs because YamlDotNet binds through setters.
    public sealed class EditCase : IPerLanguage
    {
        public string Lang { get; set; } = "";
        public string Request { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Container { get; set; }
        public string ImageContains { get; set; } = "";
        public string? Image { get; set; }
        public int? GpuCount { get; set; }
        public int? Replicas { get; set; }
        public string? Memory { get; set; }
        public string? Cpu { get; set; }
        public int? ContainerPort { get; set; }
        public string? Schedule { get; set; }
        public string? Storage { get; set; }
        public List<string> Absent { get; set; } = [];
        public Dictionary<string, string> Env { get; set; } = [];
        public Dictionary<string, string> Labels { get; set; } = [];
        public Dictionary<string, string> Limits { get; set; } = [];
        public Dictionary<string, string> Requests { get; set; } = [];
        public List<string> AbsentLimits { get; set; } = [];
        public List<int> Ports { get; set; } = [];
        public List<string> Mounts { get; set; } = [];
        public List<string> Tolerations { get; set; } = [];
    }

    public sealed class ReviewCase : IPerLanguage
    {
        public string Name { get; set; } = "";
        public string Lang { get; set; } = "";
        public string Request { get; set; } = "";
    }
}
