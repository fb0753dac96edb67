namespace Collab.Copilot.Authoring;

/// <summary>
/// Official images the drafters use and the fixers pin to, with a known-good tag. One table so the
/// manifest and Dockerfile tools agree; review the tags when base images move on.
/// </summary>
internal static class KnownImages
{
    /// <param name="Repository">The image repository as written in references.</param>
    /// <param name="Tag">The known-good tag.</param>
    /// <param name="Port">The port the image serves on, if any.</param>
    /// <param name="ProbeCommand">The image's own health command, if any.</param>
    /// <param name="RunAsUser">The non-root uid the image runs as.</param>
    /// <param name="DataPath">Where the image keeps its data, for stateful images.</param>
    /// <param name="Words">How people name the image in a request (a regex fragment; inflected endings such as "redisu" or "nginxa" are allowed), or null when only its reference names it.</param>
    public sealed record Entry(string Repository, string Tag, int? Port = null, string[]? ProbeCommand = null, long? RunAsUser = null, string? DataPath = null, string? Words = null)
    {
        /// <summary>The image reference with the table's tag.</summary>
        public string Reference => $"{Repository}:{Tag}";
    }

    private static readonly Entry[] Table =
    [
        new("nginxinc/nginx-unprivileged", "1.27-alpine", 8080, RunAsUser: 101, Words: "nginx"),
        new("nginx", "1.27-alpine", 80),
        new("httpd", "2.4-alpine", 80),
        new("postgres", "16.4", 5432, ["pg_isready", "-U", "postgres"], 999, "/var/lib/postgresql/data", "postgres(ql)?|pg"),
        new("mysql", "8.4", 3306, ["mysqladmin", "ping", "-h", "127.0.0.1"], 999, "/var/lib/mysql", "mysql"),
        new("mariadb", "11.4", 3306, ["healthcheck.sh", "--connect"], 999, "/var/lib/mysql", "mariadb"),
        new("mongo", "7.0", 27017, ["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"], 999, "/data/db", "mongo(db)?"),
        new("redis", "7.4-alpine", 6379, ["redis-cli", "ping"], 999, "/data", "redis"),
        new("memcached", "1.6-alpine", 11211, RunAsUser: 11211, Words: "memcached?"),
        new("rabbitmq", "3.13-management", 5672, ["rabbitmq-diagnostics", "-q", "ping"], 999, "/var/lib/rabbitmq", "rabbit(mq)?"),
        new("minio/minio", "RELEASE.2024-10-13T13-34-11Z", 9000, RunAsUser: 1000, DataPath: "/data", Words: "minio"),
        new("grafana/grafana", "11.2.2", 3000, RunAsUser: 472, DataPath: "/var/lib/grafana", Words: "grafana"),
        new("prom/prometheus", "v2.54.1", 9090, RunAsUser: 65534, DataPath: "/prometheus", Words: "prometheus"),
        new("python", "3.12-slim", Words: "python3?"),
        new("node", "22-alpine", RunAsUser: 1000, Words: @"node\.?js|nodejs"),
        new("golang", "1.23"),
        new("busybox", "1.36", Words: "busybox"),
        new("alpine", "3.20"),
        new("ubuntu", "24.04"),
        new("debian", "bookworm-slim"),
        new("amazon/aws-cli", "2.17.50", Words: "aws|s3"),
        new("bitnami/kubectl", "1.31", Words: "kubectl"),
        new("pytorch/pytorch", "2.5.1-cuda12.4-cudnn9-runtime", Words: "pytorch|torch"),
        new("nvidia/cuda", "12.6.3-runtime-ubuntu24.04"),
        new("nvcr.io/nvidia/pytorch", "24.09-py3"),
        new("tensorflow/tensorflow", "2.17.0-gpu", Words: "tensorflow"),
        new("quay.io/jupyter/scipy-notebook", "2024-10-07", 8888, RunAsUser: 1000, Words: "jupyter(lab|hub)?|notebooks?"),
        new("quay.io/jupyter/pytorch-notebook", "cuda12-2024-10-07", 8888, RunAsUser: 1000),
        new("jupyter/scipy-notebook", "2023-10-20", 8888, RunAsUser: 1000),
        new("vllm/vllm-openai", "v0.6.3", 8000, Words: "vllm"),
        new("ollama/ollama", "0.3.14", 11434, Words: "ollama"),
        new("elasticsearch", "8.15.2", 9200, RunAsUser: 1000, DataPath: "/usr/share/elasticsearch/data", Words: "elastic(search)?"),
        new("traefik", "v3.1", 8080),
        new("curlimages/curl", "8.10.1", Words: "curl"),
    ];

    /// <summary>The known image a request names in words ("redis", "nginxa", "PostgreSQL"), the first one named, with where it is named.</summary>
    public static (Entry Entry, int Index)? Mentioned(string text) =>
        Table.Where(e => e.Words is not null)
            .Select(e => (Entry: e, Match: System.Text.RegularExpressions.Regex.Match(text, $@"(?<![\w/.:\-])(?:{e.Words})\w{{0,3}}(?![\w/:])",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)))
            .Where(x => x.Match.Success)
            .OrderBy(x => x.Match.Index)
            .Select(x => ((Entry, int)?)(x.Entry, x.Match.Index))
            .FirstOrDefault();

    public static Entry? Find(string repository)
    {
        var repo = ImageReference.Parse(repository).CanonicalRepository;
        return Table.FirstOrDefault(e => e.Repository == repo);
    }

    /// <summary>The image pinned to the table's tag, or null when it is not a known image.</summary>
    public static string? Pin(string image)
    {
        var reference = ImageReference.Parse(image);
        var entry = Find(reference.Repository);
        return entry is null ? null : $"{reference.Repository}:{entry.Tag}";
    }
}
