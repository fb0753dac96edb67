using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Port names: a container or Service port name must be a valid IANA service name (the API server
/// rejects the object otherwise), and a probe that names its port must name one the container declares
/// (otherwise the kubelet cannot resolve it and the probe fails forever).
/// </summary>
internal sealed partial class PortNameChecker(IssueSink sink)
{
    private static readonly string[] Probes = ["readinessProbe", "livenessProbe", "startupProbe"];

    public void CheckPod(YamlMappingNode pod, string path)
    {
        foreach (var c in PodContainers.Of(pod, path))
        {
            var ports = c.Node.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            for (var i = 0; i < ports.Count; i++) CheckName(ports[i], $"{c.Path}.ports[{i}].name");
            var declared = ports.Select(p => p.Str("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var probe in Probes)
            {
                if (c.Node.Map(probe) is not { } node) continue;
                var handler = node.Map("httpGet") ?? node.Map("tcpSocket") ?? node.Map("grpc");
                if (handler?.Str("port") is not { } port || int.TryParse(port, out _) || declared.Contains(port)) continue;
                sink.Add(FindingSeverity.Error, ManifestRules.PortName, $"{c.Path}.{probe}", handler.Get("port") ?? node,
                    $"The {probe} of container \"{c.Name}\" uses port \"{port}\", but the container declares no port of that name" +
                    (declared.Count > 0 ? $" (it declares {string.Join(", ", declared.Select(d => $"\"{d}\""))})" : "") + "; the probe can never succeed.",
                    declared.Count == 1 ? $"Use port \"{declared.Single()}\" or the port number." : "Name the container port, or give the probe the port number.",
                    declared.Count == 1 ? () => handler.Set("port", declared.Single()) : null,
                    declared.Count == 1 ? $"pointed the {probe} of \"{c.Name}\" at port \"{declared.Single()}\"" : null);
            }
        }
    }

    public void CheckService(YamlMappingNode root)
    {
        var ports = root.Map("spec")?.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        for (var i = 0; i < ports.Count; i++) CheckName(ports[i], $"spec.ports[{i}].name");
    }

    private void CheckName(YamlMappingNode port, string path)
    {
        if (port.Str("name") is not { } name || ServiceName().IsMatch(name) && name.Length <= 15 && name.Any(char.IsLetter) && !name.Contains("--", StringComparison.Ordinal)) return;
        var suggestion = Suggest(name);
        sink.Add(FindingSeverity.Error, ManifestRules.PortName, path, port.Get("name"),
            $"Port name \"{name}\" is not valid: at most 15 characters, lower-case letters, digits and '-', with at least one letter and no leading, trailing or double '-'; the API server rejects it.",
            $"Rename the port, e.g. \"{suggestion}\" (and every reference to the old name).",
            suggestion.Length > 0 ? () => port.Set("name", suggestion) : null, $"renamed port \"{name}\" to \"{suggestion}\"");
    }

    /// <summary>The name lower-cased, other characters turned into '-', squeezed and cut to 15 characters.</summary>
    private static string Suggest(string name)
    {
        var cleaned = NotAllowed().Replace(name.ToLowerInvariant(), "-");
        cleaned = Regex.Replace(cleaned, "-{2,}", "-").Trim('-');
        if (cleaned.Length > 15) cleaned = cleaned[..15].TrimEnd('-');
        return cleaned.Any(char.IsLetter) ? cleaned : "";
    }

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"[^a-z0-9-]")]
    private static partial Regex NotAllowed();
}
