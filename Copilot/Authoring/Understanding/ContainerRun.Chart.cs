using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

public sealed partial record ContainerRun
{
    /// <summary>
    /// Helm chart values ("turn these values into a plain deployment"): a YAML mapping with no
    /// <c>apiVersion</c> whose component — the root, or the one key under it that holds the container,
    /// as an umbrella chart's subchart (<c>api:</c>, <c>minio:</c>) or JupyterHub's <c>singleuser:</c> —
    /// has an <c>image.repository</c> (or <c>image.name</c>), read by the keys charts conventionally use:
    /// <c>replicaCount</c>, <c>image.tag</c>, <c>service.port/targetPort/type</c>, <c>containerPort</c>,
    /// <c>resources.limits/requests</c> (GPUs included), <c>persistence.size/storageClass</c>,
    /// <c>env</c>/<c>extraEnv</c>, and z2jh's <c>memory.limit</c>, <c>cpu.limit</c>, <c>extraResource.limits</c>.
    /// </summary>
    private static ContainerRun? FromChartValues(string text)
    {
        if (YamlPaste(text, @"^(?:replicaCount|image|service|resources|persistence)\s*:") is not { } block) return null;
        if (FirstYamlDocument(block.Yaml) is not YamlMappingNode root || Scalar(root, "apiVersion") is not null || Scalar(root, "kind") is not null) return null;
        var component = ChartImage(root) is not null ? root
            : root.Children.Values.OfType<YamlMappingNode>().Where(c => ChartImage(c) is not null).ToList() is [var only] ? only : null;
        if (component is null || ChartImage(component) is not { } repository) return null;
        var image = (YamlMappingNode)Child(component, "image")!;
        var tag = Scalar(image, "tag");
        var service = Child(component, "service") as YamlMappingNode;
        var servicePort = service is null ? null : Number(Scalar(service, "port"));
        var containerPort = Number(Scalar(component, "containerPort")) ?? (service is null ? null : Number(Scalar(service, "targetPort"))) ?? servicePort;
        var resources = Child(component, "resources") as YamlMappingNode;
        var limits = Map(resources, "limits");
        var requests = Map(resources, "requests");
        var extraLimits = Map(Child(component, "extraResource") as YamlMappingNode, "limits");
        var persistence = Child(component, "persistence") as YamlMappingNode;
        var env = new Dictionary<string, string>();
        foreach (var key in new[] { "env", "extraEnv" })
            switch (Child(component, key))
            {
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children) env[((YamlScalarNode)k).Value ?? ""] = (v as YamlScalarNode)?.Value ?? "";
                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children.OfType<YamlMappingNode>())
                        if (Scalar(item, "name") is { } name && Scalar(item, "value") is { } value) env[name] = value;
                    break;
            }
        var gpus = Number(Scalar(limits, "nvidia.com/gpu") ?? Scalar(extraLimits, "nvidia.com/gpu"));
        return new ContainerRun
        {
            Image = string.IsNullOrEmpty(tag) ? repository : $"{repository}:{tag}",
            Ports = containerPort is { } cp ? [(servicePort ?? cp, cp)] : [],
            Env = env,
            Replicas = Number(Scalar(component, "replicaCount")),
            Memory = Scalar(limits, "memory") ?? Scalar(Map(component, "memory"), "limit"),
            Cpu = Scalar(limits, "cpu") ?? Scalar(Map(component, "cpu"), "limit"),
            MemoryRequest = Scalar(requests, "memory") ?? Scalar(Map(component, "memory"), "guarantee"),
            CpuRequest = Scalar(requests, "cpu") ?? Scalar(Map(component, "cpu"), "guarantee"),
            Gpus = gpus,
            StorageSize = Scalar(persistence, "size"),
            StorageClass = Scalar(persistence, "storageClass") is { Length: > 0 } sc ? sc : null,
            ServiceType = service is null ? null : Scalar(service, "type") is { } type && type is "NodePort" or "LoadBalancer" ? type : null,
            NodePort = service is null ? null : Number(Scalar(service, "nodePort")),
            Start = block.Start,
            End = block.End,
        };
    }

    // A chart's image: image.repository, or image.name as z2jh's singleuser spells it.
    private static string? ChartImage(YamlMappingNode node) =>
        Child(node, "image") is YamlMappingNode image ? Scalar(image, "repository") ?? Scalar(image, "name") : null;
}
