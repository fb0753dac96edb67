using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

// A pasted docker-compose file: the service with an image and published ports, read by its keys.
public sealed partial record ContainerRun
{
    private static ContainerRun? FromCompose(string text)
    {
        // The compose file starts at a "services:" line (after a "version:" line, when there is one) and runs to its fence or the end.
        var start = Regex.Match(text, @"^(?:version:[^\n]*\n\s*)?services:\s*$", RegexOptions.Multiline);
        if (!start.Success) return null;
        var fence = text.IndexOf("```", start.Index, StringComparison.Ordinal);
        var end = fence < 0 ? text.Length : fence;
        var yaml = text[start.Index..end];
        var stream = new YamlStream();
        try { stream.Load(new StringReader(Dedent(yaml))); }
        catch (YamlDotNet.Core.YamlException) { return null; }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root || Child(root, "services") is not YamlMappingNode services) return null;
        var all = services.Children.Select(s => (Name: ((YamlScalarNode)s.Key).Value ?? "", Body: s.Value as YamlMappingNode)).Where(s => s.Body is not null).ToList();
        // The service with an image and published ports is the one the request is about; else the first with an image.
        var chosen = all.Where(s => Scalar(s.Body!, "image") is not null).OrderBy(s => Child(s.Body!, "ports") is null ? 1 : 0).FirstOrDefault();
        if (chosen.Body is not { } service || Scalar(service, "image") is not { } image) return null;

        var ports = Items(service, "ports").Select(Port).OfType<(int, int)>().ToList();
        ports.AddRange(Items(service, "expose").Select(e => int.TryParse(e, out var p) ? (p, p) : ((int, int)?)null).OfType<(int, int)>());
        var env = new Dictionary<string, string>();
        if (Child(service, "environment") is YamlMappingNode envMap)
            foreach (var (k, v) in envMap.Children) env[((YamlScalarNode)k).Value ?? ""] = (v as YamlScalarNode)?.Value ?? "";
        else
            foreach (var item in Items(service, "environment"))
                if (item.IndexOf('=') is var i and > 0) env[item[..i]] = item[(i + 1)..];
        var volumes = Items(service, "volumes").Select(Volume).OfType<RunVolume>().ToList();
        var deploy = Child(service, "deploy") as YamlMappingNode;
        var resources = deploy is null ? null : Child(deploy, "resources") as YamlMappingNode;
        var limits = resources is null ? null : Child(resources, "limits") as YamlMappingNode;
        var devices = resources is null ? null : (Child(resources, "reservations") as YamlMappingNode) is { } r ? Child(r, "devices") as YamlSequenceNode : null;
        var gpuDevice = devices?.Children.OfType<YamlMappingNode>().FirstOrDefault(d => Scalar(d, "driver") == "nvidia" || Items(d, "capabilities").Contains("gpu"));
        var (gpus, allGpus) = gpuDevice is null ? (null, false)
            : Scalar(gpuDevice, "count") is { } count ? GpuCount(count)
            : Items(gpuDevice, "device_ids").Count is > 0 and var ids ? (ids, false) : (1, false);
        if (gpuDevice is null && Scalar(service, "gpus") is { } gpusKey) (gpus, allGpus) = GpuCount(gpusKey);
        return new ContainerRun
        {
            Image = image,
            Name = chosen.Name,
            Ports = ports,
            Env = env,
            Volumes = volumes,
            Gpus = gpus,
            AllGpus = allGpus,
            ShmSize = Scalar(service, "shm_size") is { } shm ? Size(shm) : null,
            Memory = (Scalar(service, "mem_limit") ?? (limits is null ? null : Scalar(limits, "memory"))) is { } memory ? Size(memory) : null,
            Cpu = Scalar(service, "cpus") ?? (limits is null ? null : Scalar(limits, "cpus")),
            Args = Command(service, "command"),
            Entrypoint = Command(service, "entrypoint"),
            // Swarm's deploy.replicas (compose v3), or the service's own scale.
            Replicas = Number(deploy is null ? null : Scalar(deploy, "replicas")) ?? Number(Scalar(service, "scale")),
            OtherServices = all.Where(s => s.Name != chosen.Name).Select(s => s.Name).ToList(),
            Start = start.Index,
            End = end,
        };
    }

    private static IReadOnlyList<string> Command(YamlMappingNode service, string key) => Child(service, key) switch
    {
        YamlScalarNode { Value: { } line } => ShellWords(line),
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        _ => [],
    };

    private static List<string> Items(YamlMappingNode node, string key) => Child(node, key) switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => c switch
        {
            YamlScalarNode s => s.Value ?? "",
            // Long syntax: {target: 8000, published: 8000} or {source: data, target: /data}.
            YamlMappingNode m when Scalar(m, "published") is { } published => $"{published}:{Scalar(m, "target")}",
            YamlMappingNode m when Scalar(m, "source") is { } source => $"{source}:{Scalar(m, "target")}",
            YamlMappingNode m => Scalar(m, "target") ?? "",
            _ => "",
        }).ToList(),
        YamlScalarNode { Value: { } one } => [one],
        _ => [],
    };
}
