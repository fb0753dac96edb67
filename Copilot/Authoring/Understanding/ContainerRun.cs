using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// The container a request pastes as a <c>docker run</c> command or a docker-compose service ("what's the
/// k8s equivalent of this?", "convert this compose file"): every flag or key that has a Kubernetes
/// counterpart, read by its meaning rather than by a list of phrasings. <see cref="Start"/> and
/// <see cref="End"/> delimit the paste, so the words around it are read as the request.
/// </summary>
public sealed partial record ContainerRun
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
    /// <summary>A pipeline step's <c>retryStrategy.limit</c> (the Job's backoffLimit).</summary>
    public int? RetryLimit { get; init; }
    /// <summary>A pipeline step's <c>activeDeadlineSeconds</c>.</summary>
    public int? DeadlineSeconds { get; init; }
    /// <summary>A chart's <c>service.nodePort</c>.</summary>
    public int? NodePort { get; init; }
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

    /// <summary>The first <c>docker run</c> command, compose file, Helm chart values or pipeline step in <paramref name="text"/>, or null.</summary>
    public static ContainerRun? Find(string text) => FromDockerRun(text) ?? FromCompose(text) ?? FromChartValues(text) ?? FromPipelineStep(text);

    private static YamlMappingNode? Map(YamlMappingNode? node, string key) => node is null ? null : Child(node, key) as YamlMappingNode;

    private static int? Number(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode? node, string key) => node is null ? null : (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>A pasted block indented as a whole (inside a list item or a quote) loses its common indentation.</summary>
    private static string Dedent(string yaml)
    {
        var lines = yaml.Replace("\r", "").Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
