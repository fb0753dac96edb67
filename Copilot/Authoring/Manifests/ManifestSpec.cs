using Collab.Copilot.Authoring.Understanding;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// The structured form of a manifest request — what the deterministic parser extracts from words,
/// and what a model can fill under <see cref="JsonSchema"/> — rendered by <see cref="ManifestRenderer"/>.
/// </summary>
public sealed record ManifestSpec
{
    /// <summary>Deployment, StatefulSet, Job, CronJob, Service, PersistentVolumeClaim, ConfigMap or Ingress.</summary>
    [Description("One of Deployment, StatefulSet, DaemonSet, Job, CronJob, Service, PersistentVolumeClaim, ConfigMap, Ingress.")]
    public required string Kind { get; init; }

    /// <summary>metadata.name, a DNS label.</summary>
    [Description("metadata.name: lower case letters, digits and '-'.")]
    public required string Name { get; init; }

    /// <summary>Namespace, or null for the current one.</summary>
    public string? Namespace { get; init; }

    /// <summary>Container image with a pinned tag.</summary>
    [Description("Container image with a pinned tag, e.g. postgres:16.4.")]
    public string? Image { get; init; }

    /// <summary>Replicas for Deployment/StatefulSet.</summary>
    public int? Replicas { get; init; }

    /// <summary>Container command (exec form).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Arguments to the image's entrypoint (container args), kept when no command replaces it.</summary>
    [Description("Container args: arguments to the image's own entrypoint.")]
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Environment variables.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();

    /// <summary>Container ports.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary>GPUs, or null for none.</summary>
    public GpuRequest? Gpu { get; init; }

    /// <summary>PVCs to mount.</summary>
    public IReadOnlyList<VolumeClaimMount> Volumes { get; init; } = [];

    /// <summary>Kueue LocalQueue name for Jobs (the kueue.x-k8s.io/queue-name label).</summary>
    public string? QueueName { get; init; }

    /// <summary>Cron schedule for CronJobs, e.g. <c>0 2 * * *</c>.</summary>
    public string? Schedule { get; init; }

    /// <summary>The IANA time zone a CronJob's schedule is read in; the controller's own zone when null.</summary>
    public string? TimeZone { get; init; }

    /// <summary>A CronJob's concurrencyPolicy (Allow, Forbid, Replace); Forbid when null.</summary>
    public string? ConcurrencyPolicy { get; init; }

    /// <summary>How many successful Jobs a CronJob keeps; 3 when null.</summary>
    public int? SuccessfulJobsHistoryLimit { get; init; }

    /// <summary>Storage size: the StatefulSet's per-replica volume or the PVC's size (e.g. <c>10Gi</c>).</summary>
    public string? StorageSize { get; init; }

    /// <summary>CPU request (e.g. <c>500m</c>, <c>4</c>); a default is used when null.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory request (e.g. <c>2Gi</c>); a default is used when null.</summary>
    public string? Memory { get; init; }

    /// <summary>CPU request when it differs from <see cref="Cpu"/> (which is then the limit).</summary>
    public string? CpuRequest { get; init; }

    /// <summary>Memory request when it differs from <see cref="Memory"/> (which is then the limit).</summary>
    public string? MemoryRequest { get; init; }

    /// <summary>Also render a Service for the workload on this port (Service kind: the port served).</summary>
    [Description("Port of a Service to render for the workload; null for no Service.")]
    public int? ServicePort { get; init; }

    /// <summary>The Service type: null (ClusterIP), NodePort or LoadBalancer.</summary>
    [Description("Service type: null for ClusterIP, or NodePort or LoadBalancer.")]
    public string? ServiceType { get; init; }

    /// <summary>The Service's nodePort (30000-32767) when the type is NodePort.</summary>
    public int? NodePort { get; init; }

    /// <summary>storageClassName of the claims the draft creates; null for the cluster default.</summary>
    public string? StorageClass { get; init; }

    /// <summary>Access mode of the claims the draft creates; null for ReadWriteOnce.</summary>
    [Description("ReadWriteOnce, ReadWriteMany, ReadOnlyMany or ReadWriteOncePod; null for ReadWriteOnce.")]
    public string? AccessMode { get; init; }

    /// <summary>The host an Ingress routes.</summary>
    public string? Host { get; init; }
    /// <summary>The Ingress's <c>ingressClassName</c>, when stated.</summary>
    public string? IngressClass { get; init; }

    /// <summary>The Service an Ingress routes to (default: the spec's name).</summary>
    public string? BackendService { get; init; }

    /// <summary>Also render an Ingress (to <see cref="Host"/>, or any host) routed to the workload's Service.</summary>
    public bool WithIngress { get; init; }

    /// <summary>Secrets whose keys become environment variables of the container (envFrom).</summary>
    public IReadOnlyList<string> EnvFromSecrets { get; init; } = [];

    /// <summary>For a Job spanning several nodes: the number of pods of an indexed Job (one per node), which find each other through a headless Service.</summary>
    public int? Completions { get; init; }

    /// <summary>A Job's stated parallelism, completions, backoffLimit and ttlSecondsAfterFinished (defaults where null).</summary>
    public JobRunSlot? JobRun { get; init; }

    /// <summary>ConfigMap data.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>A HorizontalPodAutoscaler's bounds, target and the workload it scales.</summary>
    public AutoscalingSlot? Autoscaling { get; init; }

    /// <summary>What a NetworkPolicy allows.</summary>
    public TrafficSlot? Traffic { get; init; }

    /// <summary>The number of pods a ResourceQuota allows.</summary>
    public int? PodCount { get; init; }

    /// <summary>The keys of a Secret (values are left for the user to fill).</summary>
    public IReadOnlyList<string> SecretKeys { get; init; } = [];

    /// <summary>The size of the pod's /dev/shm (a memory-backed emptyDir); GPU pods get 8Gi when none is stated.</summary>
    public string? ShmSize { get; init; }

    /// <summary>An init container runs before the app (its command is the user's step).</summary>
    public bool InitContainer { get; init; }

    /// <summary>Images of sidecar containers beside the main one.</summary>
    public IReadOnlyList<string> Sidecars { get; init; } = [];

    /// <summary>Taints to tolerate, as "key", "key=value" or "key=value:Effect".</summary>
    public IReadOnlyList<string> Tolerations { get; init; } = [];

    /// <summary>The pod labels a Service drafted alone selects, when stated; otherwise it selects the workload of its name.</summary>
    public IReadOnlyDictionary<string, string> Selector { get; init; } = new Dictionary<string, string>();
    /// <summary>Labels stated for the object, beside the name label every draft carries.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Node labels the pod must run on.</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    /// <summary>Pods run only on GPU nodes (selected by the GPU feature discovery label) without asking for a GPU.</summary>
    public bool GpuNodes { get; init; }

    /// <summary>A PodDisruptionBudget's bounds and selection.</summary>
    public DisruptionSlot? Disruption { get; init; }

    /// <summary>A RoleBinding's role and subject.</summary>
    public BindingSlot? Binding { get; init; }

    /// <summary>What a ServiceAccount's Role grants.</summary>
    public AccessSlot? Access { get; init; }

    /// <summary>The Secret with an Ingress's TLS certificate; null for no TLS.</summary>
    public string? TlsSecret { get; init; }

    private static readonly JsonSerializerOptions SchemaOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>JSON schema of this type (camelCase), for grammar-constrained generation by a model.</summary>
    public static string JsonSchema { get; } = JsonSchemaExporter.GetJsonSchemaAsNode(SchemaOptions, typeof(ManifestSpec), new JsonSchemaExporterOptions
    {
        TransformSchemaNode = (context, node) =>
        {
            var description = context.PropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(DescriptionAttribute), false)
                .OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
            if (description is not null && node is System.Text.Json.Nodes.JsonObject obj) obj["description"] = description;
            return node;
        },
    }).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Serialises the spec as camelCase JSON (the schema's shape).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SchemaOptions);

    /// <summary>Reads a spec a model produced under <see cref="JsonSchema"/>.</summary>
    public static ManifestSpec FromJson(string json) =>
        JsonSerializer.Deserialize<ManifestSpec>(json, SchemaOptions) ?? throw new JsonException("Empty manifest spec.");
}
