using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Understanding;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Turns a request in words ("a Job that trains on one A100 MIG slice with my dataset PVC, in the
/// team queue", "tri replike našeg API-ja na portu 8000") into a <see cref="ManifestSpec"/>: the
/// stated requirements come from <see cref="SlotExtractor"/> and are kept as stated; every default
/// chosen for what was not stated, and every stated value that cannot be kept, is reported as an
/// assumption so the user can correct it.
/// </summary>
public static partial class ManifestRequestParser
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int NodePortMin = 30000, NodePortMax = 32767;

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9\-]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    /// <summary>Parses <paramref name="request"/>; <paramref name="assumptions"/> lists each default chosen and each stated value not kept.</summary>
    public static ManifestSpec Parse(string request, out IReadOnlyList<Note> assumptions) => FromSlots(SlotExtractor.Extract(request), request, out assumptions);

    /// <summary>Builds the spec from already extracted <paramref name="slots"/>.</summary>
    public static ManifestSpec FromSlots(RequestSlots slots, string request, out IReadOnlyList<Note> assumptions)
    {
        var notes = new List<Note>();
        var kind = slots.Kind;
        var podless = kind is not (ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet or ResourceKind.Job or ResourceKind.CronJob);
        var image = podless ? null : Image(slots, kind, notes);
        var known = image is null ? null : KnownImages.Find(image);
        var name = Name(slots, kind, image, request, notes);

        // A Service alone targets the port its pods serve on ("expose … --port=80 --target-port=8000").
        var containerPorts = podless ? kind == ResourceKind.Service ? slots.ContainerPorts : [] : slots.ContainerPorts.Count > 0 ? slots.ContainerPorts : known?.Port is { } kp ? [kp] : (IReadOnlyList<int>)[];
        if (kind is ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet && containerPorts.Count == 0 && known?.ProbeCommand is null)
        {
            // Probes must check the app itself; without a port there is nothing real to check.
            containerPorts = [8080];
            notes.Add(new Note("note.port-assumed"));
        }

        int? servicePort = kind is ResourceKind.Service or ResourceKind.Ingress ? slots.ServicePort ?? First(slots.ContainerPorts) ?? 80
            : slots.WantsService ? slots.ServicePort ?? First(containerPorts) ?? 80 : null;
        var nodePort = slots.NodePort;
        if (nodePort is not null && nodePort is < NodePortMin or > NodePortMax)
        {
            notes.Add(new Note("note.nodeport-range", $"{nodePort}", $"{NodePortMin}", $"{NodePortMax}"));
            nodePort = null;
        }
        var serviceType = slots.ServiceType ?? (nodePort is not null ? "NodePort" : null);

        var gpu = slots.Gpu is { } g && kind != ResourceKind.ResourceQuota ? Gpu(g, notes) : null;
        notes.AddRange(ClusterPolicies.Assumptions(kind, slots));
        if (slots.Autoscaling is not null && kind is ResourceKind.Deployment or ResourceKind.StatefulSet)
            notes.AddRange(ClusterPolicies.Assumptions(ResourceKind.HorizontalPodAutoscaler, slots with { Autoscaling = slots.Autoscaling with { Target = "", Min = slots.Autoscaling.Min ?? slots.Replicas ?? 1 } }));
        var queue = kind is ResourceKind.Job or ResourceKind.CronJob ? slots.Queue : null;
        if (queue is null && gpu is not null && kind is ResourceKind.Job or ResourceKind.CronJob)
        {
            queue = "default";
            notes.Add(new Note("note.gpu-queue-default"));
        }

        var schedule = kind == ResourceKind.CronJob ? slots.Schedule : null;
        if (kind == ResourceKind.CronJob && schedule is null)
        {
            schedule = "0 2 * * *";
            notes.Add(new Note("note.schedule-default"));
        }

        var storage = slots.StorageSize;
        if (kind == ResourceKind.PersistentVolumeClaim && storage is null) notes.Add(new Note("note.pvc-size-default"));
        if (kind == ResourceKind.StatefulSet && storage is null && known?.DataPath is not null)
        {
            storage = "10Gi";
            notes.Add(new Note("note.sts-size-default"));
        }

        var replicas = kind is ResourceKind.Deployment or ResourceKind.StatefulSet ? slots.Replicas ?? 1 : (int?)null;
        var completions = kind == ResourceKind.Job ? slots.JobNodes : null;
        var env = new Dictionary<string, string>(slots.Env);
        IReadOnlyList<int> rendezvous = [];
        if (completions is { } nodes)
        {
            // One pod per node; the headless Service gives pod i the name <job>-i.<job>, so every pod can reach pod 0.
            env.TryAdd("MASTER_ADDR", $"{name}-0.{name}");
            env.TryAdd("MASTER_PORT", "29500");
            env.TryAdd("NNODES", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            rendezvous = [29500];
            notes.Add(new Note("note.multinode", nodes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        // "2x H100" counts GPUs, not pods: a count equal to the GPU count is not a replica request.
        else if (slots.Replicas is > 1 && kind is ResourceKind.Job or ResourceKind.CronJob && !(slots.Gpu is { } g2 && slots.Replicas == g2.Count))
            notes.Add(new Note("note.one-pod", $"{slots.Replicas}", kind.ToString()));

        var command = slots.Command;
        if (command.Count == 0 && known?.Repository == "minio/minio" && kind == ResourceKind.StatefulSet)
        {
            // A distributed MinIO lists every member; the headless Service gives each pod a stable name.
            command = replicas > 1 ? ["minio", "server", $"http://{name}-{{0...{replicas - 1}}}.{name}/data", "--console-address", ":9001"] : ["minio", "server", "/data", "--console-address", ":9001"];
            notes.Add(new Note("note.minio-secret"));
        }

        if (!podless && slots.InitContainer) notes.Add(new Note("note.init-container"));
        if (slots.BarePod && kind == ResourceKind.Deployment) notes.Add(new Note("note.kubectl-run-pod"));
        if (slots.TlsSecret is { } tlsSecret && (kind == ResourceKind.Ingress || slots.WantsIngress))
            notes.Add(new Note("note.tls-secret", tlsSecret.Length > 0 ? tlsSecret : name + "-tls"));
        if (!podless && slots.Run is { } run) notes.AddRange(RunNotes(run, slots));
        if (image is not null && ImageReference.Parse(image).CanonicalRepository == "postgres")
        {
            // The volume root holds lost+found, which initdb refuses; a subdirectory avoids that.
            env.TryAdd("PGDATA", "/var/lib/postgresql/data/pgdata");
            if (!env.ContainsKey("POSTGRES_PASSWORD")) notes.Add(new Note("note.postgres-secret"));
        }

        assumptions = notes;
        return new ManifestSpec
        {
            Kind = kind.ToString(),
            Name = name,
            Namespace = slots.Namespace,
            Image = image,
            Replicas = replicas,
            Command = command,
            Env = kind == ResourceKind.ConfigMap ? new Dictionary<string, string>() : env,
            Data = kind == ResourceKind.ConfigMap ? env.Concat(slots.Files).ToDictionary() : new Dictionary<string, string>(),
            Disruption = kind == ResourceKind.PodDisruptionBudget ? slots.Disruption : null,
            GpuNodes = !podless && slots.GpuNodes,
            Access = kind == ResourceKind.ServiceAccount ? slots.Access : null,
            Binding = kind == ResourceKind.RoleBinding ? slots.Binding : null,
            TlsSecret = slots.TlsSecret is { } tls ? (tls.Length > 0 ? tls : name + "-tls") : null,
            Ports = rendezvous.Count > 0 ? [.. containerPorts, .. rendezvous] : containerPorts,
            Volumes = Volumes(slots, kind, name, known, request),
            QueueName = queue,
            Schedule = schedule,
            TimeZone = kind == ResourceKind.CronJob ? slots.TimeZone : null,
            ConcurrencyPolicy = kind == ResourceKind.CronJob ? slots.ConcurrencyPolicy : null,
            SuccessfulJobsHistoryLimit = kind == ResourceKind.CronJob ? slots.SuccessfulJobsHistoryLimit : null,
            StorageSize = kind is ResourceKind.StatefulSet or ResourceKind.PersistentVolumeClaim ? storage ?? "10Gi" : storage,
            Cpu = slots.Cpu,
            Memory = slots.Memory,
            CpuRequest = slots.CpuRequest,
            MemoryRequest = slots.MemoryRequest,
            Args = podless ? [] : slots.Args,
            ServicePort = servicePort,
            ServiceType = kind is ResourceKind.Service || slots.WantsService ? serviceType : null,
            NodePort = serviceType == "NodePort" ? nodePort : null,
            StorageClass = slots.StorageClass,
            AccessMode = slots.AccessMode,
            Host = slots.Host,
            IngressClass = slots.IngressClass,
            BackendService = kind == ResourceKind.Ingress ? slots.BackendService ?? name : null,
            WithIngress = slots.WantsIngress && !podless,
            EnvFromSecrets = podless ? [] : slots.EnvFromSecrets,
            Completions = completions,
            JobRun = kind is ResourceKind.Job or ResourceKind.CronJob ? slots.JobRun : null,
            Autoscaling = slots.Autoscaling,
            Traffic = slots.Traffic,
            PodCount = slots.PodCount,
            SecretKeys = slots.SecretKeys,
            Gpu = kind == ResourceKind.ResourceQuota && slots.Gpu is { } quotaGpus ? new GpuRequest { Count = quotaGpus.Count } : gpu,
            ShmSize = podless ? null : slots.ShmSize,
            InitContainer = !podless && slots.InitContainer,
            Sidecars = podless ? [] : slots.Sidecars,
            Tolerations = podless ? [] : slots.Tolerations.Select(Toleration).ToList(),
            NodeSelector = podless ? new Dictionary<string, string>() : slots.NodeSelector,
            Labels = podless ? new Dictionary<string, string>() : slots.Labels,
            Selector = kind == ResourceKind.Service ? slots.Selector : new Dictionary<string, string>(),
        };
    }

    /// <summary>What a pasted docker run or compose service states that the draft carries differently, or not at all.</summary>
    private static IEnumerable<Note> RunNotes(ContainerRun run, RequestSlots slots)
    {
        foreach (var v in run.Volumes)
        {
            var claim = slots.Claims.FirstOrDefault(c => c.MountPath == v.MountPath);
            if (claim is null) continue;
            yield return v.HostPath ? new Note("note.run-host-path", v.Source, claim.Name, claim.Size ?? SlotExtractor.DefaultClaimSize)
                : new Note("note.run-volume", v.Source, claim.Size ?? SlotExtractor.DefaultClaimSize);
        }
        if (run.AllGpus) yield return new Note("note.run-all-gpus");
        if (run.OtherServices.Count > 0) yield return new Note("note.run-other-services", string.Join(", ", run.OtherServices));
    }

    /// <summary>The kind a model wrote, by its exact name, as the drafter's kind (null for one it does not draft).</summary>
    private static ResourceKind? KindOf(ManifestSpec spec) =>
        Enum.GetValues<ResourceKind>().Cast<ResourceKind?>().FirstOrDefault(kind => kind.ToString() == spec.Kind);

    private static string Toleration(TolerationSlot t) => t.Key + (t.Value is null ? "" : "=" + t.Value) + (t.Effect is null ? "" : ":" + t.Effect);

    /// <summary>
    /// A model's spec with the request's stated values put over it: what the user stated is kept
    /// whatever the model wrote, and the fields a model does not fill (Service type, nodePort,
    /// storage class, access mode, Ingress host) come from the request.
    /// </summary>
    public static ManifestSpec Overlay(ManifestSpec model, RequestSlots slots) => Overlay(model, KindOf(model), slots);

    private static ManifestSpec Overlay(ManifestSpec model, ResourceKind? kind, RequestSlots slots) => model with
    {
        Name = slots.Name is { } name && DnsLabel().IsMatch(name) ? name : model.Name,
        Replicas = kind is ResourceKind.Deployment or ResourceKind.StatefulSet ? slots.Replicas ?? model.Replicas : model.Replicas,
        StorageSize = slots.StorageSize ?? model.StorageSize,
        StorageClass = slots.StorageClass,
        AccessMode = slots.AccessMode,
        ServiceType = slots.ServiceType ?? (slots.NodePort is not null ? "NodePort" : null),
        NodePort = slots.NodePort is >= NodePortMin and <= NodePortMax ? slots.NodePort : null,
        ServicePort = slots.ServicePort ?? model.ServicePort ?? (slots.WantsService ? First(model.Ports) ?? 80 : null),
        Schedule = kind == ResourceKind.CronJob ? slots.Schedule ?? model.Schedule : model.Schedule,
        TimeZone = kind == ResourceKind.CronJob ? slots.TimeZone ?? model.TimeZone : model.TimeZone,
        ConcurrencyPolicy = slots.ConcurrencyPolicy ?? model.ConcurrencyPolicy,
        SuccessfulJobsHistoryLimit = slots.SuccessfulJobsHistoryLimit ?? model.SuccessfulJobsHistoryLimit,
        JobRun = slots.JobRun ?? model.JobRun,
        Binding = slots.Binding ?? model.Binding,
        NodeSelector = slots.NodeSelector.Count > 0 ? slots.NodeSelector : model.NodeSelector,
        Labels = slots.Labels.Count > 0 ? slots.Labels : model.Labels,
        Image = slots.Image is { } image && ImageReference.Parse(image).IsPinned ? image : model.Image,
        Host = slots.Host,
        IngressClass = slots.IngressClass ?? model.IngressClass,
        BackendService = slots.BackendService,
        Cpu = slots.Cpu ?? model.Cpu,
        Memory = slots.Memory ?? model.Memory,
        CpuRequest = slots.CpuRequest ?? model.CpuRequest,
        MemoryRequest = slots.MemoryRequest ?? model.MemoryRequest,
        Args = slots.Args.Count > 0 ? slots.Args : model.Args,
        Gpu = model.Gpu is { MigProfile: null } gpu && GpuProducts.Of(slots.Gpu?.Model).Count > 0 ? gpu with { Model = slots.Gpu!.Model } : model.Gpu,
        WithIngress = slots.WantsIngress || model.WithIngress,
        EnvFromSecrets = slots.EnvFromSecrets.Count > 0 ? slots.EnvFromSecrets : model.EnvFromSecrets,
        ShmSize = slots.ShmSize ?? model.ShmSize,
        InitContainer = slots.InitContainer || model.InitContainer,
        Sidecars = slots.Sidecars.Count > 0 ? slots.Sidecars : model.Sidecars,
        Tolerations = slots.Tolerations.Count > 0 ? slots.Tolerations.Select(Toleration).ToList() : model.Tolerations,
    };

    private static string Image(RequestSlots slots, ResourceKind kind, List<Note> notes)
    {
        if (slots.Image is { } stated)
        {
            var reference = ImageReference.Parse(stated);
            if (reference.IsPinned) return stated;
            var pinned = KnownImages.Pin(stated);
            notes.Add(pinned is null ? new Note("note.image-placeholder", stated) : new Note("note.image-pinned", stated, pinned));
            return pinned ?? $"{reference.Repository}:1.0.0";
        }
        if (slots.ImageWord is { } word && KnownImages.Find(word) is { } entry) return entry.Reference;
        if (slots.Gpu is not null && (slots.MentionsBatch || kind is ResourceKind.Job or ResourceKind.CronJob))
            return KnownImages.Find("pytorch/pytorch")!.Reference;
        var fallback = kind is ResourceKind.Job or ResourceKind.CronJob ? KnownImages.Find("busybox")!.Reference : KnownImages.Find("nginxinc/nginx-unprivileged")!.Reference;
        notes.Add(new Note("note.image-default", fallback));
        return fallback;
    }

    private static GpuRequest Gpu(GpuSlot gpu, List<Note> notes)
    {
        if (!gpu.WantsMig)
        {
            var products = GpuProducts.Of(gpu.Model);
            if (products.Count > 0)
                notes.Add(new Note("note.gpu-model", gpu.Model!.ToUpperInvariant(), GpuProducts.Label, string.Join(", ", products)));
            return new GpuRequest { Count = gpu.Count, Model = products.Count > 0 ? gpu.Model : null };
        }
        var profile = gpu.MigProfile ?? DefaultMigProfile(gpu.Model);
        if (gpu.MigProfile is null) notes.Add(new Note("note.mig-default", profile));
        return new GpuRequest { Count = gpu.Count, MigProfile = profile };
    }

    // The smallest slice of the named GPU model; A100 means the 40GB card.
    private static string DefaultMigProfile(string? model) => model switch
    {
        "h200" => "1g.18gb",
        "h100" => "1g.10gb",
        "a30" => "1g.6gb",
        _ => "1g.5gb",
    };

    private static int? First(IReadOnlyList<int> ports) => ports.Count > 0 ? ports[0] : null;

    [GeneratedRegex(@"read[\s\-]?only|samo za čitanje|jen pro čtení|només lectura|sola lettura|schreibgeschützt|nur lesen", RegexOptions.IgnoreCase)]
    private static partial Regex ReadOnlyWords();

    private static IReadOnlyList<VolumeClaimMount> Volumes(RequestSlots slots, ResourceKind kind, string name, KnownImages.Entry? known, string request)
    {
        if (kind is not (ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet or ResourceKind.Job or ResourceKind.CronJob)) return [];
        var result = slots.Claims.Select(c => new VolumeClaimMount
        {
            ClaimName = c.Name,
            MountPath = c.MountPath ?? DefaultMountPath(c.Name),
            Size = c.Size,
            ReadOnly = c.Name.Contains("dataset") && ReadOnlyWords().IsMatch(request),
        }).ToList();
        if (slots.StorageSize is not { } size || kind is not (ResourceKind.Deployment or ResourceKind.Job or ResourceKind.CronJob)) return result;
        if (result.Count == 0)
            result.Add(new VolumeClaimMount { ClaimName = name + "-data", MountPath = slots.MountPath ?? known?.DataPath ?? "/data", Size = size });
        else if (slots.CreatesClaim && result.All(v => v.Size is null))
            // "a 20 gig claim named prep-scratch and a job that mounts it": the named claim is the one to create.
            result[0] = result[0] with { Size = size };
        return result;
    }

    private static string DefaultMountPath(string claim) =>
        claim.Contains("data") ? "/data"
        : claim.Contains("model") ? "/models"
        : claim.Contains("checkpoint") || claim.Contains("ckpt") ? "/checkpoints"
        : claim.Contains("output") || claim.Contains("result") ? "/output"
        : claim.Contains("home") ? "/home/user"
        : claim.Contains("cache") ? "/cache"
        : "/mnt/" + claim;

    private static string Name(RequestSlots slots, ResourceKind kind, string? image, string request, List<Note> notes)
    {
        if (slots.Name is { } stated)
        {
            if (DnsLabel().IsMatch(stated)) return stated;
            var cleaned = Regex.Replace(stated.ToLowerInvariant(), "[^a-z0-9-]+", "-").Trim('-');
            if (cleaned.Length == 0) cleaned = kind.ToString().ToLowerInvariant();
            notes.Add(new Note("note.name-invalid", stated, cleaned));
            return cleaned;
        }
        var script = slots.Command.Select(c => Regex.Match(c, @"^(?:.*/)?([a-z0-9][a-z0-9_\-]*)\.(?:py|sh|js)$", I)).FirstOrDefault(m => m.Success);
        if (script is not null && kind is ResourceKind.Job or ResourceKind.CronJob) return script.Groups[1].Value.ToLowerInvariant().Replace('_', '-');
        if (kind == ResourceKind.CronJob && Regex.IsMatch(request, @"\bback(s|ing)?\s?up\b", I)) return "backup";
        if (kind == ResourceKind.Job && slots.MentionsBatch) return "train";
        if (kind == ResourceKind.PersistentVolumeClaim) return "data";
        if (kind == ResourceKind.ConfigMap) return "app-config";
        if (ClusterPolicies.DefaultName(kind, slots) is { } policyName) return policyName;
        if (kind == ResourceKind.Ingress) return slots.BackendService ?? "app";
        if (kind == ResourceKind.Service)
            return Regex.Match(request, @"\b(?:for|za|pro|per|für)\s+(?:the\s+|my\s+|moj\s+|mein\s+)?([a-z][a-z0-9\-]*)", I) is { Success: true } m && KnownImages.Find(m.Groups[1].Value) is null && m.Groups[1].Value.Length > 1
                ? m.Groups[1].Value.ToLowerInvariant() : KnownImages.Mentioned(request) is { } mentioned ? ShortName(mentioned.Entry.Reference, kind) : "app";
        if (image is not null) return ShortName(image, kind);
        return kind.ToString().ToLowerInvariant();
    }

    private static string ShortName(string image, ResourceKind kind) => ImageReference.Parse(image).ShortName switch
    {
        "nginx-unprivileged" => "nginx",
        "vllm-openai" => "vllm",
        "scipy-notebook" => "notebook",
        "aws-cli" or "busybox" or "pytorch" or "curl" => kind.ToString().ToLowerInvariant(),
        var s => s,
    };
}
