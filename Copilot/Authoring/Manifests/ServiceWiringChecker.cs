using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// A Service pasted with the workloads it fronts: its selector must match the labels of some pod template
/// in the paste (otherwise it has no endpoints), and each targetPort must be a port those pods' containers
/// declare (otherwise connections are refused). A paste without workloads is not judged.
/// </summary>
internal static class ServiceWiringChecker
{
    public static IEnumerable<ManifestIssue> Check(IReadOnlyList<ManifestDocument> documents)
    {
        var pods = documents.Select(d => d.Root).OfType<YamlMappingNode>().Select(PodTemplate).OfType<(YamlMappingNode Labels, YamlMappingNode Pod)>().ToList();
        if (pods.Count == 0) return [];
        var issues = new List<ManifestIssue>();
        foreach (var doc in documents)
        {
            if (doc.Root is not YamlMappingNode root || root.Str("kind") != "Service" || root.Map("spec")?.Map("selector") is not { } selector) continue;
            var sink = new IssueSink(doc.Index, doc.Source.FirstLine - 1) { Kind = "Service", Name = root.Map("metadata")?.Str("name") };
            var wanted = selector.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? "", (kv.Value as YamlScalarNode)?.Value)).ToList();
            var selected = pods.Where(p => wanted.All(w => p.Labels.Str(w.Item1) == w.Item2)).ToList();
            if (selected.Count == 0)
            {
                var labels = string.Join("; ", pods.Select(p => string.Join(", ", p.Labels.Children.Select(kv => $"{kv.Key}={kv.Value}"))));
                sink.Add(FindingSeverity.Error, ManifestRules.ServiceSelector, "spec.selector", selector,
                    $"Service selector {string.Join(", ", wanted.Select(w => $"{w.Item1}={w.Item2}"))} matches no pod template in the paste (their labels: {labels}); the Service has no endpoints.",
                    "Make the selector match the pod template's labels.");
            }
            else CheckTargetPorts(root, selected.Select(p => p.Pod).ToList(), sink);
            issues.AddRange(sink.Issues);
        }
        return issues;
    }

    private static void CheckTargetPorts(YamlMappingNode service, List<YamlMappingNode> pods, IssueSink sink)
    {
        var containers = pods.SelectMany(p => PodContainers.Of(p, "", includeInit: false)).ToList();
        var ports = containers.SelectMany(c => c.Node.Seq("ports")?.Children.OfType<YamlMappingNode>() ?? []).ToList();
        var numbers = ports.Select(p => p.Str("containerPort")).OfType<string>().Distinct().ToList();
        var names = ports.Select(p => p.Str("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Containers that declare no port say nothing about where they listen.
        if (numbers.Count == 0) return;
        var list = service.Map("spec")?.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var target = list[i].Str("targetPort") ?? list[i].Str("port");
            if (target is null || numbers.Contains(target) || names.Contains(target)) continue;
            var port = list[i];
            sink.Add(FindingSeverity.Error, ManifestRules.ServiceTargetPort, $"spec.ports[{i}].targetPort", port.Get("targetPort") ?? port,
                $"Service port {port.Str("port")} forwards to {target}, but the selected containers declare {string.Join(", ", numbers)}; connections are refused.",
                numbers.Count == 1 ? $"Set targetPort: {numbers[0]}." : "Set targetPort to the port the application listens on.",
                numbers.Count == 1 ? () => port.Set("targetPort", numbers[0]) : null,
                numbers.Count == 1 ? $"set targetPort of Service port {port.Str("port")} to {numbers[0]}" : null);
        }
    }

    // The pod template (or a bare Pod) of a workload, with its labels.
    private static (YamlMappingNode Labels, YamlMappingNode Pod)? PodTemplate(YamlMappingNode root)
    {
        var kind = root.Str("kind") ?? "";
        if (kind == "Pod")
            return root.Map("metadata")?.Map("labels") is { } l && root.Map("spec") is { } spec ? (l, spec) : null;
        if (kind == "CronJob") return null;
        var template = root.Map("spec")?.Map("template");
        return template?.Map("metadata")?.Map("labels") is { } labels && template.Map("spec") is { } pod ? (labels, pod) : null;
    }
}
