using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Per-container policy: requests and limits, GPU limits equal to requests, pinned images, probes on long-running workloads.</summary>
internal sealed class ContainerChecker(IssueSink sink)
{
    public void Check(YamlMappingNode pod, string path, string kind)
    {
        foreach (var c in PodContainers.Of(pod, path))
        {
            CheckResources(c);
            CheckImage(c);
            if (WorkloadShape.IsLongRunning(kind) && !c.IsInit && !IsPortlessHelper(c)) CheckProbes(c);
        }
    }

    private void CheckResources(PodContainers.Container c)
    {
        var resources = c.Node.Map("resources");
        var requests = resources?.Map("requests");
        var limits = resources?.Map("limits");
        var gpu = HasGpu(requests) || HasGpu(limits);

        var missingRequests = new[] { "cpu", "memory" }.Where(r => requests?.Get(r) is null).ToList();
        if (missingRequests.Count > 0)
            sink.Add(FindingSeverity.Warning, ManifestRules.RequestsMissing, c.Path + ".resources.requests", resources ?? (YamlNode)c.Node,
                $"Container \"{c.Name}\" sets no {string.Join(" or ", missingRequests)} request; the scheduler cannot place it well and quotas may reject it.",
                $"Set resources.requests.{string.Join(" and .", missingRequests)}.",
                () => Fill(c.Node, "requests", missingRequests, gpu, fromOther: "limits"), $"set {string.Join("/", missingRequests)} requests on \"{c.Name}\"");

        var missingLimits = new[] { "cpu", "memory" }.Where(r => limits?.Get(r) is null).ToList();
        if (missingLimits.Count > 0)
            sink.Add(FindingSeverity.Warning, ManifestRules.LimitsMissing, c.Path + ".resources.limits", resources ?? (YamlNode)c.Node,
                $"Container \"{c.Name}\" sets no {string.Join(" or ", missingLimits)} limit; one runaway container can starve the node.",
                $"Set resources.limits.{string.Join(" and .", missingLimits)}.",
                () => Fill(c.Node, "limits", missingLimits, gpu, fromOther: "requests"), $"set {string.Join("/", missingLimits)} limits on \"{c.Name}\"");

        CheckGpu(c, requests, limits);
    }

    private void CheckGpu(PodContainers.Container c, YamlMappingNode? requests, YamlMappingNode? limits)
    {
        var names = GpuNames(requests).Concat(GpuNames(limits)).Distinct().ToList();
        foreach (var name in names)
        {
            var req = requests?.Str(name);
            var lim = limits?.Str(name);
            if (req is not null && lim is not null && req == lim) continue;
            var path = $"{c.Path}.resources.limits[\"{name}\"]";
            if (lim is null)
                sink.Add(FindingSeverity.Error, ManifestRules.GpuLimits, path, requests!.Get(name),
                    $"Container \"{c.Name}\" requests {name} without a limit; GPUs are not overcommitted, so the limit must be set and equal the request.",
                    $"Set resources.limits.\"{name}\": {req}.",
                    () => c.Node.EnsureMap("resources").EnsureMap("limits").Set(name, req!), $"set the {name} limit equal to its request on \"{c.Name}\"");
            else if (req is not null)
                sink.Add(FindingSeverity.Error, ManifestRules.GpuLimits, path, limits!.Get(name),
                    $"Container \"{c.Name}\" has {name} request {req} but limit {lim}; they must be equal.",
                    $"Make requests and limits of {name} the same (the limit decides what is allocated).",
                    () => requests!.Set(name, lim), $"set the {name} request equal to its limit on \"{c.Name}\"");
        }
    }

    private void CheckImage(PodContainers.Container c)
    {
        if (c.Node.Str("image") is not { } image) return;
        var reference = ImageReference.Parse(image);
        if (reference.IsPinned) return;
        var pinned = KnownImages.Pin(image);
        var latest = reference.Tag is not null;
        sink.Add(FindingSeverity.Warning, latest ? ManifestRules.LatestTag : ManifestRules.Untagged, c.Path + ".image", c.Node.Get("image"),
            latest ? $"Image \"{image}\" uses :latest, which changes under you and makes rollbacks impossible."
                   : $"Image \"{image}\" has no tag, so it means :latest.",
            pinned is null ? "Pin a specific version tag (or a digest)." : $"Pin a version, e.g. \"{pinned}\".",
            pinned is null ? null : () => c.Node.Set("image", pinned), pinned is null ? null : $"pinned \"{image}\" to \"{pinned}\"");
    }

    // A container beside the app that serves no port (a log shipper, a token refresher) takes no traffic to hold back
    // and offers nothing to check from outside; its health is the app's concern, so probes are asked of the app and of serving containers.
    private static bool IsPortlessHelper(PodContainers.Container c) =>
        !c.Path.EndsWith("containers[0]", StringComparison.Ordinal) && (c.Node.Seq("ports")?.Children.Count ?? 0) == 0;

    private void CheckProbes(PodContainers.Container c)
    {
        foreach (var (key, rule) in new[] { ("readinessProbe", ManifestRules.ReadinessProbe), ("livenessProbe", ManifestRules.LivenessProbe) })
        {
            if (c.Node.Get(key) is not null) continue;
            var probe = ProbeFor(c.Node);
            sink.Add(FindingSeverity.Warning, rule, $"{c.Path}.{key}", c.Node,
                $"Container \"{c.Name}\" of a long-running workload has no {key}; {(key == "readinessProbe" ? "traffic reaches it before it is ready" : "a hung process is never restarted")}.",
                $"Add a {key} (httpGet on a health endpoint, tcpSocket on the serving port, or an exec check).",
                probe is null ? null : () => c.Node.Set(key, ProbeFor(c.Node)!), probe is null ? null : $"added a {key} to \"{c.Name}\"");
        }
    }

    /// <summary>A generic probe for a container: the known image's own check, else a TCP check on its first port.</summary>
    internal static YamlMappingNode? ProbeFor(YamlMappingNode container)
    {
        var known = container.Str("image") is { } image ? KnownImages.Find(image) : null;
        var probe = new YamlMappingNode();
        if (known?.ProbeCommand is { } command)
            probe.Set("exec", new YamlMappingNode(new YamlScalarNode("command"), new YamlSequenceNode(command.Select(a => (YamlNode)new YamlScalarNode(a)))));
        else if (container.Seq("ports")?.Children.OfType<YamlMappingNode>().Select(p => p.Str("containerPort")).FirstOrDefault(p => p is not null) is { } port)
            probe.Set("tcpSocket", new YamlMappingNode(new YamlScalarNode("port"), new YamlScalarNode(port)));
        else return null;
        probe.Set("initialDelaySeconds", "10");
        probe.Set("periodSeconds", "10");
        return probe;
    }

    private static void Fill(YamlMappingNode container, string section, IEnumerable<string> names, bool gpu, string fromOther)
    {
        var resources = container.EnsureMap("resources");
        var target = resources.EnsureMap(section);
        var other = resources.Map(fromOther);
        foreach (var name in names)
            target.Set(name, other?.Str(name) ?? DefaultQuantity(name, section, gpu));
    }

    // Modest defaults; GPU containers get enough CPU and memory to feed a GPU.
    private static string DefaultQuantity(string name, string section, bool gpu) => (name, section, gpu) switch
    {
        ("cpu", _, true) => "4",
        ("memory", _, true) => "16Gi",
        ("cpu", "requests", _) => "100m",
        ("memory", "requests", _) => "128Mi",
        ("cpu", _, _) => "500m",
        _ => "512Mi",
    };

    private static bool HasGpu(YamlMappingNode? map) => GpuNames(map).Any();

    private static IEnumerable<string> GpuNames(YamlMappingNode? map) =>
        map?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Where(ResourceNames.IsGpu) ?? [];
}
