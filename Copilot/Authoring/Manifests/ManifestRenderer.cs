using YamlDotNet.RepresentationModel;
using static Collab.Copilot.Authoring.Manifests.YamlBuilder;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Renders a <see cref="ManifestSpec"/> as YAML that follows our own policy: restricted security
/// context, requests and limits, GPU limits equal to requests, probes for long-running workloads,
/// Kueue label and suspend for queued Jobs. Output passes <see cref="ManifestValidator"/> clean.
/// </summary>
public static class ManifestRenderer
{
    private const long DefaultUid = 1000;

    /// <summary>Renders the spec as one or more YAML documents (claims to create, the workload, its Service).</summary>
    public static string Render(ManifestSpec spec)
    {
        var documents = new List<YamlNode>();
        switch (spec.Kind)
        {
            case "ConfigMap":
                documents.Add(Object("v1", "ConfigMap", spec, ("data", Dict(spec.Data))));
                break;
            case "PersistentVolumeClaim":
                documents.Add(Claim(spec, spec.Name, spec.StorageSize ?? "10Gi"));
                break;
            case "Service":
                documents.Add(Service(spec, headless: false));
                break;
            case "Ingress":
                documents.Add(Ingress(spec));
                break;
            case "ServiceAccount":
                documents.AddRange(ClusterPolicies.ServiceAccount(spec));
                break;
            case "HorizontalPodAutoscaler" or "NetworkPolicy" or "ResourceQuota" or "LimitRange" or "Secret" or "PodDisruptionBudget" or "RoleBinding":
                documents.Add(ClusterPolicies.Render(spec)!);
                break;
            default:
                foreach (var v in spec.Volumes.Where(v => v.Size is not null && !(spec.Kind == "StatefulSet" && v.ClaimName == "data")))
                    documents.Add(Claim(spec, v.ClaimName, v.Size!));
                documents.Add(Workload(spec));
                // A StatefulSet's pods, and an indexed Job's, are named through a headless Service.
                if (spec.Kind == "StatefulSet" || Indexed(spec)) documents.Add(Service(spec, headless: true));
                var external = spec.ServicePort is not null && !(spec.Kind == "StatefulSet" && spec.ServiceType is null && !spec.WithIngress);
                var exposed = spec.Kind == "StatefulSet" ? spec with { Name = spec.Name + "-external" } : spec;
                if (external) documents.Add(Service(exposed, headless: false, selectorName: spec.Name));
                if (spec.Autoscaling is { } scaling && spec.Kind is "Deployment" or "StatefulSet")
                    documents.Add(ClusterPolicies.Render(spec with
                    {
                        Kind = "HorizontalPodAutoscaler",
                        Autoscaling = scaling with { Target = spec.Name, TargetKind = spec.Kind, Min = scaling.Min ?? spec.Replicas },
                    })!);
                if (spec.WithIngress)
                    documents.Add(Ingress(spec with { BackendService = external ? exposed.Name : spec.Name, ServicePort = spec.ServicePort ?? spec.Ports.FirstOrDefault(80) }));
                break;
        }
        return ManifestWriter.Join(documents.Select(ManifestWriter.Write));
    }

    private static YamlMappingNode Workload(ManifestSpec spec)
    {
        var labels = Dict([new("app.kubernetes.io/name", spec.Name)]);
        var podTemplate = Map(("metadata", Map(("labels", labels))), ("spec", PodSpec(spec)));
        return spec.Kind switch
        {
            "Deployment" => Object("apps/v1", "Deployment", spec, ("spec", Map(
                ("replicas", Raw(spec.Replicas ?? 1)),
                ("selector", Map(("matchLabels", Dict([new("app.kubernetes.io/name", spec.Name)])))),
                ("template", podTemplate)))),
            "StatefulSet" => Object("apps/v1", "StatefulSet", spec, ("spec", Map(
                ("serviceName", Str(spec.Name)),
                ("replicas", Raw(spec.Replicas ?? 1)),
                ("selector", Map(("matchLabels", Dict([new("app.kubernetes.io/name", spec.Name)])))),
                ("template", podTemplate),
                ("volumeClaimTemplates", spec.StorageSize is null ? null : Seq([Map(
                    ("metadata", Map(("name", Str("data")))),
                    ("spec", ClaimSpec(spec, spec.StorageSize)))]))))),
            "DaemonSet" => Object("apps/v1", "DaemonSet", spec, ("spec", Map(
                ("selector", Map(("matchLabels", Dict([new("app.kubernetes.io/name", spec.Name)])))),
                ("template", podTemplate)))),
            "CronJob" => Object("batch/v1", "CronJob", spec, ("spec", Map(
                ("schedule", Str(spec.Schedule ?? "0 2 * * *")),
                ("timeZone", spec.TimeZone is null ? null : Str(spec.TimeZone)),
                ("concurrencyPolicy", Str(spec.ConcurrencyPolicy ?? "Forbid")),
                ("successfulJobsHistoryLimit", Raw(spec.SuccessfulJobsHistoryLimit ?? 3)),
                ("failedJobsHistoryLimit", Raw(3)),
                ("jobTemplate", Map(
                    ("metadata", QueueLabels(spec)),
                    ("spec", JobSpec(spec, podTemplate))))))),
            _ => Object("batch/v1", "Job", spec, ("spec", JobSpec(spec, podTemplate)), QueueLabels(spec)),
        };
    }

    private static bool Indexed(ManifestSpec spec) => spec.Kind == "Job" && spec.Completions is > 1;

    private static YamlMappingNode? QueueLabels(ManifestSpec spec) =>
        spec.QueueName is null ? null : Map(("labels", Dict([new(ResourceNames.QueueLabel, spec.QueueName)])));

    private static YamlMappingNode JobSpec(ManifestSpec spec, YamlMappingNode podTemplate) => Map(
        // Kueue admits a queued Job by unsuspending it, so it is created suspended.
        ("suspend", spec.QueueName is null ? null : Raw(true)),
        ("completions", Indexed(spec) ? Raw(spec.Completions!.Value) : spec.JobRun?.Completions is { } completions ? Raw(completions) : null),
        ("parallelism", Indexed(spec) ? Raw(spec.Completions!.Value) : spec.JobRun?.Parallelism is { } parallelism ? Raw(parallelism) : null),
        ("completionMode", Indexed(spec) ? Str("Indexed") : null),
        ("backoffLimit", Raw(spec.JobRun?.BackoffLimit ?? (spec.Gpu is null ? 3 : 1))),
        ("ttlSecondsAfterFinished", Raw(spec.JobRun?.TtlSeconds ?? 86400)),
        ("activeDeadlineSeconds", spec.JobRun?.DeadlineSeconds is { } deadline ? Raw(deadline) : null),
        ("template", podTemplate));

    private static YamlMappingNode PodSpec(ManifestSpec spec)
    {
        var known = spec.Image is null ? null : KnownImages.Find(spec.Image);
        var uid = known?.RunAsUser ?? DefaultUid;
        var batch = spec.Kind is "Job" or "CronJob";
        var volumes = spec.Volumes.Where(v => !(spec.Kind == "StatefulSet" && v.ClaimName == "data"))
            .Select(v => (YamlNode)Map(("name", Str(v.ClaimName)), ("persistentVolumeClaim", Map(("claimName", Str(v.ClaimName))))))
            .ToList();
        // DataLoader workers and NCCL need far more than the default 64 MiB /dev/shm.
        if (HasShm(spec)) volumes.Add(Map(("name", Str("dshm")), ("emptyDir", Map(("medium", Str("Memory")), ("sizeLimit", Str(spec.ShmSize ?? DefaultShm(spec.Memory)))))));
        var tolerations = spec.Tolerations.Select(TolerationNode).ToList();
        if (spec.Gpu is not null && spec.Tolerations.All(t => !t.StartsWith(ResourceNames.Gpu, StringComparison.Ordinal)))
            tolerations.Add(Map(("key", Str(ResourceNames.Gpu)), ("operator", Str("Exists")), ("effect", Str("NoSchedule"))));
        var containers = new List<YamlNode> { Container(spec, known) };
        containers.AddRange(spec.Sidecars.Select(image => (YamlNode)Helper(ImageReference.Parse(image).ShortName, image, null)));

        return Map(
            ("securityContext", Map(
                ("runAsNonRoot", Raw(true)),
                ("runAsUser", Raw(uid)),
                ("runAsGroup", Raw(uid)),
                ("fsGroup", Raw(uid)),
                ("seccompProfile", Map(("type", Str("RuntimeDefault")))))),
            ("restartPolicy", batch ? Str("Never") : null),
            ("subdomain", Indexed(spec) ? Str(spec.Name) : null),
            // GPU feature discovery labels every node with a GPU; an agent for them needs no GPU of its own.
            ("nodeSelector", NodeSelector(spec)),
            ("affinity", GpuAffinity(spec.Gpu)),
            ("initContainers", spec.InitContainer ? Seq([Helper("init", KnownImages.Find("busybox")!.Reference, ["sh", "-c", "echo 'replace with the step to run before the app'"])]) : null),
            ("containers", Seq(containers)),
            ("volumes", Seq(volumes)),
            ("tolerations", tolerations.Count == 0 ? null : Seq(tolerations)));
    }

    // The node labels stated; GPU feature discovery labels every node with a GPU, so an agent for them selects that label and needs no GPU of its own.
    private static YamlMappingNode? NodeSelector(ManifestSpec spec)
    {
        var labels = spec.NodeSelector.ToList();
        if (spec.GpuNodes) labels.Add(new("nvidia.com/gpu.present", "true"));
        return labels.Count == 0 ? null : Dict(labels);
    }

    // /dev/shm is charged to the container's memory limit (PodRuntimeChecker), so a limit under 16Gi gets half of it, else 8Gi.
    private static string DefaultShm(string? memoryLimit)
    {
        try
        {
            if (memoryLimit is null) return "8Gi";
            var bytes = new k8s.Models.ResourceQuantity(memoryLimit).ToDecimal();
            return bytes >= 16m * 1024 * 1024 * 1024 ? "8Gi" : $"{(long)(bytes / 2 / 1024 / 1024)}Mi";
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException) { return "8Gi"; }
    }

    private static bool HasShm(ManifestSpec spec) => spec.Gpu is not null || spec.ShmSize is not null;

    /// <summary>"key", "key=value" or "key=value:Effect" as a toleration: Exists without a value, Equal with one; every effect when none is stated.</summary>
    private static YamlNode TolerationNode(string toleration)
    {
        var effectAt = toleration.IndexOf(':');
        var effect = effectAt < 0 ? null : toleration[(effectAt + 1)..];
        var pair = effectAt < 0 ? toleration : toleration[..effectAt];
        var equals = pair.IndexOf('=');
        return Map(("key", Str(equals < 0 ? pair : pair[..equals])), ("operator", Str(equals < 0 ? "Exists" : "Equal")),
            ("value", equals < 0 ? null : Str(pair[(equals + 1)..])), ("effect", effect is null ? null : Str(effect)));
    }

    /// <summary>A container beside the app (a sidecar or an init step): small requests and limits, the same restricted security context.</summary>
    internal static YamlMappingNode Helper(string name, string image, IReadOnlyList<string>? command) => Map(
        ("name", Str(name)),
        ("image", Str(image)),
        ("command", command is null ? null : Strings(command)),
        ("resources", Map(("requests", Map(("cpu", Str("50m")), ("memory", Str("64Mi")))), ("limits", Map(("cpu", Str("200m")), ("memory", Str("128Mi")))))),
        ("securityContext", Map(("allowPrivilegeEscalation", Raw(false)), ("capabilities", Map(("drop", Strings(["ALL"])))))));

    /// <summary>Requires a node whose GPU product is the model asked for (any of its variants).</summary>
    private static YamlMappingNode? GpuAffinity(GpuRequest? gpu) => GpuProducts.Of(gpu?.Model) is { Count: > 0 } products
        ? Map(("nodeAffinity", Map(("requiredDuringSchedulingIgnoredDuringExecution", Map(("nodeSelectorTerms", Seq([Map(("matchExpressions", Seq([Map(
            ("key", Str(GpuProducts.Label)), ("operator", Str("In")), ("values", Strings(products)))])))])))))))
        : null;

    private static YamlMappingNode Container(ManifestSpec spec, KnownImages.Entry? known)
    {
        var mounts = spec.Volumes.Select(v => (YamlNode)Map(
                ("name", Str(v.ClaimName)), ("mountPath", Str(v.MountPath)), ("readOnly", v.ReadOnly ? Raw(true) : null)))
            .ToList();
        if (spec.Kind == "StatefulSet" && spec.StorageSize is not null && spec.Volumes.All(v => v.ClaimName != "data"))
            mounts.Add(Map(("name", Str("data")), ("mountPath", Str(known?.DataPath ?? "/data"))));
        if (HasShm(spec)) mounts.Add(Map(("name", Str("dshm")), ("mountPath", Str("/dev/shm"))));

        var container = Map(
            ("name", Str(spec.Name)),
            ("image", Str(spec.Image ?? "busybox:1.36")),
            ("command", spec.Command.Count == 0 ? null : Strings(spec.Command)),
            ("args", spec.Args.Count == 0 ? null : Strings(spec.Args)),
            ("ports", Seq(spec.Ports.Select(p => (YamlNode)Map(("containerPort", Raw(p)))))),
            ("env", Seq(spec.Env.Select(e => (YamlNode)Map(("name", Str(e.Key)), ("value", Str(e.Value)))))),
            ("envFrom", Seq(spec.EnvFromSecrets.Select(name => (YamlNode)Map(("secretRef", Map(("name", Str(name)))))))),
            ("resources", Resources(spec)),
            ("securityContext", Map(
                ("allowPrivilegeEscalation", Raw(false)),
                ("capabilities", Map(("drop", Strings(["ALL"])))))),
            ("volumeMounts", Seq(mounts)));
        // Probes check the app itself: the image's own health command, else a TCP check on its port.
        // The parser always gives a long-running workload a port or a known image, so one exists.
        if (spec.Kind is "Deployment" or "StatefulSet" or "DaemonSet" && ContainerChecker.ProbeFor(container) is { } readiness)
        {
            container.Add("readinessProbe", readiness);
            container.Add("livenessProbe", ContainerChecker.ProbeFor(container)!);
        }
        return container;
    }

    private static YamlMappingNode Resources(ManifestSpec spec)
    {
        var gpu = spec.Gpu is not null;
        var cpu = spec.CpuRequest ?? spec.Cpu ?? (gpu ? "4" : "250m");
        var memory = spec.MemoryRequest ?? spec.Memory ?? (gpu ? "16Gi" : "256Mi");
        var cpuLimit = spec.Cpu ?? (gpu ? "8" : "1");
        var memoryLimit = spec.Memory ?? (gpu ? "32Gi" : "512Mi");
        YamlMappingNode Section(string c, string m) => Map(
            ("cpu", Str(c)), ("memory", Str(m)),
            (spec.Gpu?.ResourceName() ?? "-", gpu ? Str(spec.Gpu!.Count.ToString()) : null));
        return Map(("requests", Section(cpu, memory)), ("limits", Section(cpuLimit, memoryLimit)));
    }

    private static YamlMappingNode Service(ManifestSpec spec, bool headless, string? selectorName = null)
    {
        var target = spec.Ports.FirstOrDefault();
        var port = headless ? (target == 0 ? spec.ServicePort ?? 80 : target) : spec.ServicePort ?? (target == 0 ? 80 : target);
        var nodePort = !headless && spec.ServiceType == "NodePort" && spec.NodePort is { } np ? Raw(np) : null;
        return Object("v1", "Service", spec, ("spec", Map(
            ("type", headless ? null : spec.ServiceType is null ? null : Str(spec.ServiceType)),
            ("clusterIP", headless ? Str("None") : null),
            ("selector", selectorName is null && spec.Selector.Count > 0 ? Dict(spec.Selector) : Dict([new("app.kubernetes.io/name", selectorName ?? spec.Name)])),
            ("ports", Seq([Map(("name", Str(PortName(port))), ("port", Raw(port)), ("targetPort", Raw(target == 0 ? port : target)), ("nodePort", nodePort))])))));
    }

    private static YamlMappingNode Ingress(ManifestSpec spec)
    {
        var backend = Map(("service", Map(("name", Str(spec.BackendService ?? spec.Name)), ("port", Map(("number", Raw(spec.ServicePort ?? 80)))))));
        var rule = Map(
            ("host", spec.Host is null ? null : Str(spec.Host)),
            ("http", Map(("paths", Seq([Map(("path", Str("/")), ("pathType", Str("Prefix")), ("backend", backend))])))));
        var tls = spec.TlsSecret is { } secret ? Seq([Map(("hosts", spec.Host is null ? null : Strings([spec.Host])), ("secretName", Str(secret)))]) : null;
        return Object("networking.k8s.io/v1", "Ingress", spec, ("spec", Map(("ingressClassName", spec.IngressClass is null ? null : Str(spec.IngressClass)), ("tls", tls), ("rules", Seq([rule])))));
    }

    private static string PortName(int port) => port switch { 80 or 8080 or 8000 or 3000 or 443 => "http", 5432 => "postgres", 3306 => "mysql", 6379 => "redis", _ => $"port-{port}" };

    private static YamlMappingNode Claim(ManifestSpec spec, string name, string size) =>
        Object("v1", "PersistentVolumeClaim", spec with { Name = name }, ("spec", ClaimSpec(spec, size)));

    private static YamlMappingNode ClaimSpec(ManifestSpec spec, string size) => Map(
        ("accessModes", Strings([spec.AccessMode ?? "ReadWriteOnce"])),
        ("storageClassName", spec.StorageClass is null ? null : Str(spec.StorageClass)),
        ("resources", Map(("requests", Map(("storage", Str(size)))))));

    private static YamlMappingNode Object(string apiVersion, string kind, ManifestSpec spec, (string, YamlNode?) body, YamlMappingNode? extraMetadata = null)
    {
        var labels = kind is "Job" ? extraMetadata?.Map("labels") : Dict([new("app.kubernetes.io/name", spec.Name)]);
        // Labels stated for the object go beside the name (or queue) label, on the workload only (its Claims and Services keep theirs).
        if (spec.Labels.Count > 0 && kind == spec.Kind)
        {
            labels ??= new YamlMappingNode();
            foreach (var (key, value) in spec.Labels) labels.Set(key, value);
        }
        var metadata = Map(("name", Str(spec.Name)), ("namespace", spec.Namespace is null ? null : Str(spec.Namespace)), ("labels", labels));
        return Map(("apiVersion", Str(apiVersion)), ("kind", Str(kind)), ("metadata", metadata), body);
    }
}
