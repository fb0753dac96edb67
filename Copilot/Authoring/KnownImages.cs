namespace Collab.Copilot.Authoring;

/// <summary>
/// Official images the drafters use and the fixers pin to, with a known-good tag. One table so the
/// manifest and Dockerfile tools agree; review the tags when base images move on.
/// </summary>
internal static class KnownImages
{
    public sealed record Entry(string Repository, string Tag, int? Port = null, string[]? ProbeCommand = null, long? RunAsUser = null, string? DataPath = null);

    private static readonly Entry[] Table =
    [
        new("nginxinc/nginx-unprivileged", "1.27-alpine", 8080, RunAsUser: 101),
        new("nginx", "1.27-alpine", 80),
        new("httpd", "2.4-alpine", 80),
        new("postgres", "16.4", 5432, ["pg_isready", "-U", "postgres"], 999, "/var/lib/postgresql/data"),
        new("mysql", "8.4", 3306, ["mysqladmin", "ping", "-h", "127.0.0.1"], 999, "/var/lib/mysql"),
        new("mariadb", "11.4", 3306, ["healthcheck.sh", "--connect"], 999, "/var/lib/mysql"),
        new("mongo", "7.0", 27017, ["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"], 999, "/data/db"),
        new("redis", "7.4-alpine", 6379, ["redis-cli", "ping"], 999, "/data"),
        new("memcached", "1.6-alpine", 11211, RunAsUser: 11211),
        new("rabbitmq", "3.13-management", 5672, ["rabbitmq-diagnostics", "-q", "ping"], 999, "/var/lib/rabbitmq"),
        new("minio/minio", "RELEASE.2024-10-13T13-34-11Z", 9000, RunAsUser: 1000, DataPath: "/data"),
        new("grafana/grafana", "11.2.2", 3000, RunAsUser: 472, DataPath: "/var/lib/grafana"),
        new("prom/prometheus", "v2.54.1", 9090, RunAsUser: 65534, DataPath: "/prometheus"),
        new("python", "3.12-slim"),
        new("node", "22-alpine", RunAsUser: 1000),
        new("golang", "1.23"),
        new("busybox", "1.36"),
        new("alpine", "3.20"),
        new("ubuntu", "24.04"),
        new("debian", "bookworm-slim"),
        new("amazon/aws-cli", "2.17.50"),
        new("bitnami/kubectl", "1.31"),
        new("pytorch/pytorch", "2.5.1-cuda12.4-cudnn9-runtime"),
        new("nvidia/cuda", "12.6.3-runtime-ubuntu24.04"),
        new("nvcr.io/nvidia/pytorch", "24.09-py3"),
        new("tensorflow/tensorflow", "2.17.0-gpu"),
        new("quay.io/jupyter/scipy-notebook", "2024-10-07", 8888, RunAsUser: 1000),
        new("quay.io/jupyter/pytorch-notebook", "cuda12-2024-10-07", 8888, RunAsUser: 1000),
        new("jupyter/scipy-notebook", "2023-10-20", 8888, RunAsUser: 1000),
        new("vllm/vllm-openai", "v0.6.3", 8000),
        new("ollama/ollama", "0.3.14", 11434),
        new("elasticsearch", "8.15.2", 9200, RunAsUser: 1000, DataPath: "/usr/share/elasticsearch/data"),
        new("traefik", "v3.1", 8080),
    ];

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
