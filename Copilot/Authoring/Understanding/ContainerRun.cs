using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A volume of a pasted container: a named volume or a host path, mounted at <paramref name="MountPath"/>.</summary>
/// <param name="Source">The volume's name, or the host path as written.</param>
/// <param name="MountPath">Where the container sees it.</param>
/// <param name="HostPath">True for a host directory (<c>./data</c>, <c>/mnt/data</c>), which a restricted pod cannot mount.</param>
public sealed record RunVolume(string Source, string MountPath, bool HostPath);

/// <summary>
/// The container a request pastes as a <c>docker run</c> command or a docker-compose service ("what's the
/// k8s equivalent of this?", "convert this compose file"): every flag or key that has a Kubernetes
/// counterpart, read by its meaning rather than by a list of phrasings. <see cref="Start"/> and
/// <see cref="End"/> delimit the paste, so the words around it are read as the request.
/// </summary>
public sealed record ContainerRun
{
    /// <summary>The image reference as written.</summary>
    public required string Image { get; init; }
    /// <summary><c>--name</c>, or the compose service's name.</summary>
    public string? Name { get; init; }
    /// <summary>Published ports, host side first; an exposed port without a host side has the same number on both.</summary>
    public IReadOnlyList<(int Host, int Container)> Ports { get; init; } = [];
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<RunVolume> Volumes { get; init; } = [];
    /// <summary>GPUs asked for (<c>--gpus 2</c>, a compose device reservation's count); null for none.</summary>
    public int? Gpus { get; init; }
    /// <summary>True when the GPU count was "all", which Kubernetes cannot express.</summary>
    public bool AllGpus { get; init; }
    /// <summary><c>--shm-size</c> / <c>shm_size</c> as a Kubernetes quantity.</summary>
    public string? ShmSize { get; init; }
    /// <summary><c>--memory</c> / <c>mem_limit</c> / a deploy limit, as a Kubernetes quantity.</summary>
    public string? Memory { get; init; }
    /// <summary><c>--cpus</c> / <c>cpus</c> / a deploy limit.</summary>
    public string? Cpu { get; init; }
    /// <summary>What follows the image (<c>docker run</c>) or the compose <c>command</c>: the container's args, its image's entrypoint kept.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
    /// <summary>A replaced entrypoint (<c>--entrypoint</c>, compose <c>entrypoint</c>).</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];
    /// <summary><c>--rm</c> without <c>-d</c>: a run to completion, not a service.</summary>
    public bool RunsToCompletion { get; init; }
    /// <summary>A chart's <c>replicaCount</c>.</summary>
    public int? Replicas { get; init; }
    /// <summary>A chart's persistence size, as a Kubernetes quantity.</summary>
    public string? StorageSize { get; init; }
    /// <summary>A chart's persistence storage class.</summary>
    public string? StorageClass { get; init; }
    /// <summary>A chart's Service type (NodePort, LoadBalancer); null for ClusterIP.</summary>
    public string? ServiceType { get; init; }
    /// <summary>A chart's CPU request.</summary>
    public string? CpuRequest { get; init; }
    /// <summary>A chart's memory request.</summary>
    public string? MemoryRequest { get; init; }
    /// <summary>Compose services other than the one read, which the draft does not carry.</summary>
    public IReadOnlyList<string> OtherServices { get; init; } = [];
    /// <summary>Where the paste starts in the request.</summary>
    public int Start { get; init; }
    /// <summary>Where the paste ends in the request.</summary>
    public int End { get; init; }

    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "docker run …" to the end of its line, with backslash-newline continuations; "podman run" is the same command.
    private static readonly Regex DockerRun = new(@"(?:^|(?<=[\s`$>]))(?:sudo\s+)?(?:docker|podman|nerdctl)\s+(?:container\s+)?run\s+(?:\\\r?\n|[^\n`])+", I);

    // Flags that take no value; every other flag takes the next word unless written as --flag=value.
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "-d", "--detach", "--rm", "-i", "-t", "-it", "-ti", "--interactive", "--tty", "--privileged", "--init", "--read-only", "-P", "--publish-all",
        "--no-healthcheck", "--sig-proxy", "--oom-kill-disable", "-q", "--quiet",
    };

    /// <summary>The first <c>docker run</c> command, compose file or Helm chart values in <paramref name="text"/>, or null.</summary>
    public static ContainerRun? Find(string text) => FromDockerRun(text) ?? FromCompose(text) ?? FromChartValues(text);

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
        var fenced = Regex.Match(text, @"```[\w-]*[ \t]*\r?\n(.*?)```", RegexOptions.Singleline);
        var block = fenced.Success ? (Yaml: fenced.Groups[1].Value, Start: fenced.Index, End: fenced.Index + fenced.Length)
            : Regex.Match(text, @"^(?:replicaCount|image|service|resources|persistence)\s*:", RegexOptions.Multiline) is { Success: true } top ? (Yaml: text[top.Index..], Start: top.Index, End: text.Length)
            : default;
        if (block.Yaml is null) return null;
        var stream = new YamlStream();
        try { stream.Load(new StringReader(Dedent(block.Yaml))); }
        catch (YamlDotNet.Core.YamlException) { return null; }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root || Scalar(root, "apiVersion") is not null || Scalar(root, "kind") is not null) return null;
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
            Start = block.Start,
            End = block.End,
        };
    }

    // A chart's image: image.repository, or image.name as z2jh's singleuser spells it.
    private static string? ChartImage(YamlMappingNode node) =>
        Child(node, "image") is YamlMappingNode image ? Scalar(image, "repository") ?? Scalar(image, "name") : null;

    private static YamlMappingNode? Map(YamlMappingNode? node, string key) => node is null ? null : Child(node, key) as YamlMappingNode;

    private static int? Number(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static ContainerRun? FromDockerRun(string text)
    {
        var match = DockerRun.Match(text);
        if (!match.Success) return null;
        var words = ShellWords(Regex.Replace(match.Value, @"\\\r?\n", " "));
        // words[0..] = [sudo] docker [container] run …
        var at = words.FindIndex(w => w == "run") + 1;
        string? image = null, name = null, shm = null, memory = null, cpu = null;
        int? gpus = null;
        bool all = false, detached = false, removed = false;
        var ports = new List<(int, int)>();
        var env = new Dictionary<string, string>();
        var volumes = new List<RunVolume>();
        var entrypoint = new List<string>();
        for (; at < words.Count && image is null; at++)
        {
            var word = words[at];
            if (!word.StartsWith('-')) { image = word; break; }
            var (flag, value) = word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is var eq and > 0 ? (word[..eq], word[(eq + 1)..]) : (word, null);
            var isSwitch = Switches.Contains(flag) || Regex.IsMatch(flag, "^-[dit]+$");
            if (isSwitch)
            {
                detached |= flag.Contains('d') && !flag.StartsWith("--", StringComparison.Ordinal) || flag == "--detach";
                removed |= flag == "--rm";
                continue;
            }
            if (value is null)
            {
                // Short flags may carry their value: -p8000:8000, -m2g.
                if (!flag.StartsWith("--", StringComparison.Ordinal) && flag.Length > 2) (flag, value) = (flag[..2], flag[2..]);
                else if (at + 1 < words.Count) value = words[++at];
                else break;
            }
            switch (flag)
            {
                case "-p" or "--publish" when Port(value) is { } p: ports.Add(p); break;
                case "--expose" when int.TryParse(value, out var exposed): ports.Add((exposed, exposed)); break;
                case "-e" or "--env" when value.IndexOf('=') is var i and > 0: env[value[..i]] = value[(i + 1)..]; break;
                case "-v" or "--volume" when Volume(value) is { } v: volumes.Add(v); break;
                case "--mount" when MountFlag(value) is { } m: volumes.Add(m); break;
                case "--name": name = value; break;
                case "--gpus": (gpus, all) = GpuCount(value); break;
                case "--shm-size": shm = Size(value); break;
                case "-m" or "--memory": memory = Size(value); break;
                case "--cpus": cpu = value; break;
                case "--entrypoint": entrypoint.Add(value); break;
            }
        }
        if (image is null) return null;
        return new ContainerRun
        {
            Image = image, Name = name, Ports = ports, Env = env, Volumes = volumes, Gpus = gpus, AllGpus = all, ShmSize = shm, Memory = memory, Cpu = cpu,
            Args = words.Skip(at + 1).ToList(), Entrypoint = entrypoint, RunsToCompletion = removed && !detached,
            Start = match.Index, End = match.Index + match.Length,
        };
    }

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

    /// <summary>"8000:8000", "127.0.0.1:3000:8080", "6333", "9000:9000/tcp": host and container port.</summary>
    private static (int Host, int Container)? Port(string value)
    {
        var parts = value.Split('/')[0].Split(':');
        if (!int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var container)) return null;
        return parts.Length >= 2 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var host) ? (host, container) : (container, container);
    }

    /// <summary>"hf-cache:/root/.cache", "./data:/data:ro", "/mnt/data:/data": a named volume or a host path, and where it is mounted.</summary>
    private static RunVolume? Volume(string value)
    {
        var parts = value.Split(':');
        if (parts.Length < 2 || !parts[1].StartsWith('/')) return null;
        var source = parts[0];
        return new RunVolume(source, parts[1], source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || source.StartsWith('$'));
    }

    /// <summary>"--mount type=volume,source=models,target=/models".</summary>
    private static RunVolume? MountFlag(string value)
    {
        var fields = value.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        var source = fields.GetValueOrDefault("source") ?? fields.GetValueOrDefault("src");
        var target = fields.GetValueOrDefault("target") ?? fields.GetValueOrDefault("destination") ?? fields.GetValueOrDefault("dst");
        return source is null || target is null ? null : new RunVolume(source, target, fields.GetValueOrDefault("type") == "bind");
    }

    /// <summary>"2", "all", "\"device=0,1\"", "count=2": how many GPUs, and whether it was "all".</summary>
    private static (int? Count, bool All) GpuCount(string value)
    {
        var v = value.Trim('"', '\'');
        if (v.Equals("all", StringComparison.OrdinalIgnoreCase) || v.EndsWith("=all", StringComparison.OrdinalIgnoreCase)) return (1, true);
        if (Regex.Match(v, @"device=([\d,]+)") is { Success: true } d) return (d.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, false);
        if (Regex.Match(v, @"(?:count=)?(\d+)") is { Success: true } n) return (int.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture), false);
        return (1, false);
    }

    /// <summary>Docker's sizes ("16g", "512m", "2gb", "1.5g", "64000000") as Kubernetes binary quantities.</summary>
    internal static string? Size(string value)
    {
        var m = Regex.Match(value.Trim('"', '\''), @"^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$", I);
        if (!m.Success) return null;
        var number = m.Groups[1].Value;
        return m.Groups[2].Value.ToLowerInvariant() switch
        {
            "k" => number + "Ki",
            "m" => number + "Mi",
            "g" => number.Contains('.') ? ((long)Math.Round(double.Parse(number, CultureInfo.InvariantCulture) * 1024)).ToString(CultureInfo.InvariantCulture) + "Mi" : number + "Gi",
            "t" => number + "Ti",
            _ => number,
        };
    }

    private static IReadOnlyList<string> Command(YamlMappingNode service, string key) => Child(service, key) switch
    {
        YamlScalarNode { Value: { } line } => ShellWords(line),
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
        _ => [],
    };

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode? node, string key) => node is null ? null : (Child(node, key) as YamlScalarNode)?.Value;

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

    /// <summary>A pasted block indented as a whole (inside a list item or a quote) loses its common indentation.</summary>
    private static string Dedent(string yaml)
    {
        var lines = yaml.Replace("\r", "").Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>Splits a command line into words as a shell would (quotes kept together, quote marks dropped).</summary>
    internal static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var ch in line)
        {
            if (quote is { } q)
            {
                if (ch == q) quote = null;
                else current.Append(ch);
                continue;
            }
            if (ch is '"' or '\'') { quote = ch; inWord = true; continue; }
            if (char.IsWhiteSpace(ch))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            current.Append(ch);
            inWord = true;
        }
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
