using k8s.Models;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Parts of one container that must agree with each other: a probe's port number is one the container
/// declares, a limit is never below its request (the API server rejects it), and an env name is set once
/// (the last one silently wins).
/// </summary>
internal sealed class ContainerConsistencyChecker(IssueSink sink)
{
    private static readonly string[] Probes = ["readinessProbe", "livenessProbe", "startupProbe"];

    public void Check(YamlMappingNode pod, string path)
    {
        foreach (var c in PodContainers.Of(pod, path))
        {
            CheckProbePorts(c);
            CheckLimits(c);
            CheckEnv(c);
        }
    }

    // Ports are optional, so only a container that declares some is held to them.
    private void CheckProbePorts(PodContainers.Container c)
    {
        var declared = c.Node.Seq("ports")?.Children.OfType<YamlMappingNode>().Select(p => p.Str("containerPort")).OfType<string>().ToList() ?? [];
        if (declared.Count == 0) return;
        foreach (var probe in Probes)
        {
            var handler = c.Node.Map(probe) is { } node ? node.Map("httpGet") ?? node.Map("tcpSocket") ?? node.Map("grpc") : null;
            if (handler?.Str("port") is not { } port || !int.TryParse(port, out _) || declared.Contains(port)) continue;
            sink.Add(FindingSeverity.Error, ManifestRules.ProbePort, $"{c.Path}.{probe}", handler.Get("port"),
                $"The {probe} of container \"{c.Name}\" checks port {port}, but the container declares {string.Join(", ", declared)}; the probe is refused and the pod never becomes ready (or is restarted).",
                declared.Count == 1 ? $"Point the probe at port {declared[0]}." : "Point the probe at the port the application listens on.",
                declared.Count == 1 ? () => handler.Set("port", declared[0]) : null,
                declared.Count == 1 ? $"pointed the {probe} of \"{c.Name}\" at port {declared[0]}" : null);
        }
    }

    private void CheckLimits(PodContainers.Container c)
    {
        var resources = c.Node.Map("resources");
        if (resources?.Map("requests") is not { } requests || resources.Map("limits") is not { } limits) return;
        foreach (var (key, value) in requests.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (ResourceNames.IsGpu(name) || limits.Str(name) is not { } limit || value is not YamlScalarNode { Value: { } request }) continue;
            if (Amount(limit) is not { } l || Amount(request) is not { } r || l >= r) continue;
            sink.Add(FindingSeverity.Error, ManifestRules.LimitBelowRequest, $"{c.Path}.resources.limits.{name}", limits.Get(name),
                $"Container \"{c.Name}\" has a {name} limit ({limit}) below its request ({request}); the API server rejects the pod.",
                $"Raise the {name} limit to at least {request}, or lower the request.",
                () => limits.Set(name, request), $"raised the {name} limit of \"{c.Name}\" to its request {request}");
        }
    }

    private void CheckEnv(PodContainers.Container c)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in c.Node.Seq("env")?.Children.OfType<YamlMappingNode>() ?? [])
            if (entry.Str("name") is { } name && !seen.Add(name))
                sink.Add(FindingSeverity.Warning, ManifestRules.DuplicateEnv, $"{c.Path}.env", entry,
                    $"Container \"{c.Name}\" sets {name} more than once; only the last value takes effect.",
                    $"Keep one {name} entry with the value you mean.");
    }

    private static decimal? Amount(string quantity)
    {
        try { return new ResourceQuantity(quantity.Trim()).ToDecimal(); }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException) { return null; }
    }
}
