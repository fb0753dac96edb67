using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// What makes a pod that the API server accepts fail once it runs: a liveness probe that restarts a slow-starting app before
/// it is up (no startupProbe, and less than <see cref="MinimumGraceSeconds"/> seconds before the first restart), and a
/// memory-backed emptyDir sized above the memory limit of a container that writes to it (tmpfs pages count against that
/// limit, so the container is OOMKilled long before the volume is full).
/// </summary>
internal sealed class PodRuntimeChecker(IssueSink sink)
{
    // JVM, .NET and Python apps with models commonly take 20-60 s to listen; under 30 s the kubelet kills them mid-start.
    private const int MinimumGraceSeconds = 30;

    public void Check(YamlMappingNode pod, string path)
    {
        foreach (var c in PodContainers.Of(pod, path))
        {
            CheckLivenessGrace(c);
            CheckMemoryVolumes(pod, path, c);
        }
    }

    private void CheckLivenessGrace(PodContainers.Container c)
    {
        if (c.Node.Map("livenessProbe") is not { } liveness || c.Node.Map("startupProbe") is not null) return;
        int Seconds(string key, int fallback) => int.TryParse(liveness.Str(key), out var v) ? v : fallback;
        var grace = Seconds("initialDelaySeconds", 0) + Seconds("periodSeconds", 10) * Seconds("failureThreshold", 3);
        if (grace >= MinimumGraceSeconds) return;
        sink.Add(FindingSeverity.Warning, ManifestRules.LivenessNoGrace, $"{c.Path}.livenessProbe", liveness,
            $"The livenessProbe of container \"{c.Name}\" restarts it after {grace} s without a startupProbe; an app that takes longer to start is killed before it listens and ends in CrashLoopBackOff.",
            "Add a startupProbe with the same check (e.g. periodSeconds 10, failureThreshold 30), so liveness only starts once the app is up.",
            () => c.Node.Set("startupProbe", StartupProbeLike(liveness)), $"added a startupProbe to \"{c.Name}\" (up to 300 s to start)");
    }

    // The liveness check itself, given up to 300 s before the liveness probe takes over.
    private static YamlMappingNode StartupProbeLike(YamlMappingNode liveness)
    {
        var probe = new YamlMappingNode();
        foreach (var (key, value) in liveness.Children)
            if (key is YamlScalarNode { Value: "httpGet" or "tcpSocket" or "grpc" or "exec" }) probe.Children.Add(key, value);
        probe.Set("periodSeconds", new YamlScalarNode("10"));
        probe.Set("failureThreshold", new YamlScalarNode("30"));
        return probe;
    }

    private void CheckMemoryVolumes(YamlMappingNode pod, string path, PodContainers.Container c)
    {
        if (c.Node.Map("resources")?.Map("limits")?.Str("memory") is not { } limit || Amount(limit) is not { } memory) return;
        var mounted = c.Node.Seq("volumeMounts")?.Children.OfType<YamlMappingNode>().Select(m => m.Str("name")).ToHashSet() ?? [];
        var volumes = pod.Seq("volumes")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].Map("emptyDir") is not { } emptyDir || emptyDir.Str("medium") != "Memory" || !mounted.Contains(volumes[i].Str("name"))) continue;
            if (emptyDir.Str("sizeLimit") is not { } size || Amount(size) is not { } bytes || bytes <= memory) continue;
            sink.Add(FindingSeverity.Warning, ManifestRules.MemoryEmptyDirOverLimit, $"{path}.volumes[{i}].emptyDir.sizeLimit", emptyDir.Get("sizeLimit"),
                $"The memory-backed emptyDir \"{volumes[i].Str("name")}\" may grow to {size}, but what is written to it counts against the {limit} memory limit of container \"{c.Name}\", which is OOMKilled first.",
                $"Keep sizeLimit well below the memory limit ({limit}) and raise the limit to cover both, or drop medium: Memory to use the node's disk.");
        }
    }

    private static decimal? Amount(string quantity)
    {
        try { return new ResourceQuantity(quantity.Trim()).ToDecimal(); }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException) { return null; }
    }
}
