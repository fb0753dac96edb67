namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Every requirement a request states, with its value as the user wrote it normalised (sizes in
/// Gi/Ti, schedules as cron). Null or empty means "not stated": the drafter then chooses a
/// default and says so; a stated value must appear in the draft or be reported as not honoured.
/// </summary>
public sealed record RequestSlots
{
    /// <summary>The kind asked for (explicitly or by what the request describes).</summary>
    public ResourceKind Kind { get; init; } = ResourceKind.Deployment;
    /// <summary>True when a kind word named the kind; false when it was inferred.</summary>
    public bool KindStated { get; init; }
    /// <summary>A Service was asked for beside the workload.</summary>
    public bool WantsService { get; init; }
    /// <summary>An Ingress was asked for beside the workload (routed to its Service).</summary>
    public bool WantsIngress { get; init; }
    /// <summary>A claim to create was asked for beside the workload ("a PVC and a Job that mounts it"), sized by <see cref="StorageSize"/>.</summary>
    public bool CreatesClaim { get; init; }
    /// <summary>NodePort or LoadBalancer when asked; null for the default ClusterIP.</summary>
    public string? ServiceType { get; init; }
    /// <summary>The stated name.</summary>
    public string? Name { get; init; }
    /// <summary>The stated namespace.</summary>
    public string? Namespace { get; init; }
    /// <summary>The stated storage size (e.g. <c>50Gi</c>, <c>1Ti</c>).</summary>
    public string? StorageSize { get; init; }
    /// <summary>The stated memory (e.g. <c>16Gi</c>).</summary>
    public string? Memory { get; init; }
    /// <summary>The stated CPU count.</summary>
    public string? Cpu { get; init; }
    /// <summary>Ports the application serves on.</summary>
    public IReadOnlyList<int> ContainerPorts { get; init; } = [];
    /// <summary>The Service's port.</summary>
    public int? ServicePort { get; init; }
    /// <summary>The Service's nodePort.</summary>
    public int? NodePort { get; init; }
    /// <summary>The number of nodes a Job spans ("4 nodes x 8 GPUs"): an indexed Job with one pod per node.</summary>
    public int? JobNodes { get; init; }
    /// <summary>Secrets to load as environment variables (envFrom).</summary>
    public IReadOnlyList<string> EnvFromSecrets { get; init; } = [];
    /// <summary>Replica (or cluster member) count.</summary>
    public int? Replicas { get; init; }
    /// <summary>True when the count was of nodes/members ("4-node MinIO"), which a StatefulSet gives.</summary>
    public bool ReplicasAreMembers { get; init; }
    /// <summary>Existing claims to mount, with their mount paths.</summary>
    public IReadOnlyList<ClaimSlot> Claims { get; init; } = [];
    /// <summary>A mount path stated without a claim name.</summary>
    public string? MountPath { get; init; }
    /// <summary>The schedule as cron.</summary>
    public string? Schedule { get; init; }
    /// <summary>The IANA time zone the schedule is in (a CronJob's spec.timeZone).</summary>
    public string? TimeZone { get; init; }
    /// <summary>An explicit image reference (<c>ghcr.io/acme/api:1.4.2</c>).</summary>
    public string? Image { get; init; }
    /// <summary>An image named in words, as its repository (<c>redis</c>, <c>minio/minio</c>).</summary>
    public string? ImageWord { get; init; }
    /// <summary>The GPU asked for.</summary>
    public GpuSlot? Gpu { get; init; }
    /// <summary>Pods go on GPU nodes without asking for a GPU ("a daemonset on the gpu nodes").</summary>
    public bool GpuNodes { get; init; }
    /// <summary>The stated storage class.</summary>
    public string? StorageClass { get; init; }
    /// <summary>The stated access mode (ReadWriteOnce, ReadWriteMany, ReadOnlyMany, ReadWriteOncePod).</summary>
    public string? AccessMode { get; init; }
    /// <summary>Environment variables (KEY=value).</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    /// <summary>The command (exec form).</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
    /// <summary>Arguments to the image's own entrypoint (what follows the image in a pasted <c>docker run</c>, a compose <c>command</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];
    /// <summary>The CPU request when stated apart from the limit ("250m request, 0.5 cpu limit").</summary>
    public string? CpuRequest { get; init; }
    /// <summary>The memory request when stated apart from the limit ("memory request 1.5Gi, limit 3Gi").</summary>
    public string? MemoryRequest { get; init; }
    /// <summary>The pasted <c>docker run</c> command or compose service the request asks to convert, if any.</summary>
    public ContainerRun? Run { get; init; }
    /// <summary>The Ingress host.</summary>
    public string? Host { get; init; }
    /// <summary>The Ingress class ("ingress class nginx", <c>kubectl create ingress --class=nginx</c>).</summary>
    public string? IngressClass { get; init; }
    /// <summary>The Service an Ingress routes to.</summary>
    public string? BackendService { get; init; }
    /// <summary>The Kueue LocalQueue.</summary>
    public string? Queue { get; init; }
    /// <summary>The request mentions a database (stateful).</summary>
    public bool MentionsDatabase { get; init; }
    /// <summary>The request describes work that runs to completion (training, evaluation...).</summary>
    public bool MentionsBatch { get; init; }
    /// <summary>The size of /dev/shm asked for ("16gi of /dev/shm", "shm 32gi", "sdílená paměť 8Gi").</summary>
    public string? ShmSize { get; init; }
    /// <summary>An init container was asked for ("plus init container", "job con init container").</summary>
    public bool InitContainer { get; init; }
    /// <summary>Images of sidecar containers asked for beside the main one ("a sidecar (fluent/fluent-bit:3.0)").</summary>
    public IReadOnlyList<string> Sidecars { get; init; } = [];
    /// <summary>Tolerations asked for ("tolerate the nvidia.com/gpu taint", "toleration gpu=true:NoSchedule").</summary>
    public IReadOnlyList<TolerationSlot> Tolerations { get; init; } = [];
    /// <summary>What an autoscaler is asked for ("min 2 max 10 at 70% cpu").</summary>
    public AutoscalingSlot? Autoscaling { get; init; }
    /// <summary>What a NetworkPolicy is asked to allow.</summary>
    public TrafficSlot? Traffic { get; init; }
    /// <summary>A number of pods a quota allows ("20 pod").</summary>
    public int? PodCount { get; init; }
    /// <summary>Keys a Secret is asked to hold ("AWS_ACCESS_KEY_ID a AWS_SECRET_ACCESS_KEY").</summary>
    public IReadOnlyList<string> SecretKeys { get; init; } = [];
    /// <summary>What a PodDisruptionBudget keeps up, and for which pods.</summary>
    public DisruptionSlot? Disruption { get; init; }
    /// <summary>What a ServiceAccount's Role grants.</summary>
    public AccessSlot? Access { get; init; }
    /// <summary>The Secret holding an Ingress's TLS certificate ("tls from secret grafana-tls"); empty when TLS is asked without naming one.</summary>
    public string? TlsSecret { get; init; }
    /// <summary>Files a ConfigMap is asked to hold, by file name ("configmap from this default.conf: …").</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
    /// <summary>A Kubernetes kind the request asks for that the drafter does not draft ("a ClusterRole that…"); the answer says so.</summary>
    public string? NotDrafted { get; init; }
    /// <summary>A pasted <c>kubectl run</c> without <c>--restart</c>, which would make a bare Pod; drafted as a Deployment, and the answer says so.</summary>
    public bool BarePod { get; init; }
    /// <summary>A CronJob's concurrencyPolicy when stated (Allow, Forbid, Replace).</summary>
    public string? ConcurrencyPolicy { get; init; }
    /// <summary>How many successful Jobs a CronJob keeps, when stated.</summary>
    public int? SuccessfulJobsHistoryLimit { get; init; }
    /// <summary>A Job's (or a CronJob's Jobs') stated parallelism, completions, backoffLimit and ttlSecondsAfterFinished.</summary>
    public JobRunSlot? JobRun { get; init; }
    /// <summary>A RoleBinding's role and subject.</summary>
    public BindingSlot? Binding { get; init; }
    /// <summary>The pod labels a Service drafted alone sends traffic to ("selector app=models-api", "za grafanu (app=grafana)").</summary>
    public IReadOnlyDictionary<string, string> Selector { get; init; } = new Dictionary<string, string>();
    /// <summary>Labels the object is given ("label team=vision").</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    /// <summary>Node labels the pod must run on (its nodeSelector).</summary>
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();
    /// <summary>A change to a pasted manifest: what to take out, a new name, and which container or document it is about.</summary>
    public ChangeSlots Change { get; init; } = new();
}

/// <summary>
/// What a request about a pasted manifest says beyond the values to set: things to take out, a new
/// name, and where the change goes. The editor resolves the references against the paste.
/// </summary>
public sealed record ChangeSlots
{
    /// <summary>What to take out of the container (<see cref="Removal"/>).</summary>
    public IReadOnlyList<Removal> Removals { get; init; } = [];
    /// <summary>Environment variables to take out, by name.</summary>
    public IReadOnlyList<string> EnvToRemove { get; init; } = [];
    /// <summary>The new name of the resource ("rename to trainer-v2").</summary>
    public string? NewName { get; init; }
    /// <summary>The container's position when the words count it ("the second container"); -1 for the last.</summary>
    public int? ContainerOrdinal { get; init; }
    /// <summary>The words speak of a sidecar: a container other than the pod's first.</summary>
    public bool Sidecar { get; init; }
    /// <summary>The words add beside what is there ("add port 9090") rather than replace it ("port 8443 instead of 8080").</summary>
    public bool Adding { get; init; }
    /// <summary>Every name-like word of the request, lower case: a container's or document's name among them points at it.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>The kinds the words name ("the pvc", "deploymentu"): the change goes to a pasted document of that kind.</summary>
    public IReadOnlyList<ResourceKind> Kinds { get; init; } = [];
}

/// <summary>Something to take out of a container.</summary>
public enum Removal
{
    /// <summary>CPU and memory limits (GPU limits stay: removing them would take the GPU away).</summary>
    Limits,
    CpuLimit,
    MemoryLimit,
    /// <summary>CPU and memory requests.</summary>
    Requests,
    CpuRequest,
    MemoryRequest,
    LivenessProbe,
    ReadinessProbe,
    StartupProbe,
    /// <summary>GPU and MIG limits.</summary>
    Gpu,
}

/// <summary>A Job's stated run settings: pods at a time, pods that must finish, retries of a failed pod (backoffLimit), seconds a finished Job is kept (ttlSecondsAfterFinished), the wall-clock limit (activeDeadlineSeconds).</summary>
public sealed record JobRunSlot(int? Parallelism, int? Completions, int? BackoffLimit, int? TtlSeconds, int? DeadlineSeconds = null);

/// <summary>An autoscaler: replica bounds, the target utilisation in percent, the metric (cpu or memory), and the workload it scales.</summary>
public sealed record AutoscalingSlot(int? Min, int? Max, int? Utilization, string Metric, string? Target, string TargetKind);

/// <summary>
/// A NetworkPolicy: the direction it restricts, the pods (by label) and namespaces traffic may come
/// from, and the ports it may reach.
/// </summary>
public sealed record TrafficSlot(bool Egress, IReadOnlyDictionary<string, string> FromLabels, IReadOnlyList<string> FromNamespaces, IReadOnlyList<int> Ports)
{
    /// <summary>The pods the policy protects, by label ("… to the database (app=postgres)"); empty: every pod of the namespace.</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; init; } = new Dictionary<string, string>();
}

/// <summary>A PodDisruptionBudget: minAvailable or maxUnavailable (a count or a percentage), the pod labels it selects, and the workload named.</summary>
public sealed record DisruptionSlot(string? MinAvailable, string? MaxUnavailable, IReadOnlyDictionary<string, string> Labels, string? Target);

/// <summary>What a Role grants: the resources (plural API names, subresources such as <c>pods/log</c>) and the verbs.</summary>
public sealed record AccessSlot(IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs);

/// <summary>A RoleBinding: the role it gives (kind Role or ClusterRole, and its name) and to whom (kind Group, ServiceAccount or User, its name, a ServiceAccount's namespace).</summary>
public sealed record BindingSlot(string RoleKind, string Role, string SubjectKind, string Subject, string? SubjectNamespace);

/// <summary>A toleration: the taint's key, and its value and effect when stated.</summary>
public sealed record TolerationSlot(string Key, string? Value, string? Effect);

/// <summary>An existing claim to mount.</summary>
/// <param name="Name">The claim's name.</param>
/// <param name="MountPath">The stated mount path, or null.</param>
/// <param name="Size">The size to create it with, when the request makes it (a pasted volume); null for a claim that exists.</param>
public sealed record ClaimSlot(string Name, string? MountPath, string? Size = null);

/// <summary>A GPU request.</summary>
/// <param name="Count">How many GPUs or slices.</param>
/// <param name="MigProfile">The MIG profile when a slice was asked (e.g. <c>1g.10gb</c>), or null.</param>
/// <param name="WantsMig">A MIG slice was asked for.</param>
/// <param name="WholeStated">The request said a whole GPU, not a slice.</param>
/// <param name="Model">The GPU model named (a100, h100...), or null.</param>
public sealed record GpuSlot(int Count, string? MigProfile, bool WantsMig, bool WholeStated, string? Model);
