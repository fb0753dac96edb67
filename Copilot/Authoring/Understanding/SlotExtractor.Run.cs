namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A request that pastes a <c>docker run</c> command or a compose file: the words around it, then what the paste states.</summary>
public static partial class SlotExtractor
{
    /// <summary>
    /// The words around the paste are read like any request (they may name the kind, a queue, a GPU model);
    /// the paste's own values (image, ports, env, volumes, GPUs, shm, limits, args) are put over them.
    /// </summary>
    private static RequestSlots FromRun(string request, ContainerRun run)
    {
        var words = Extract(request[..run.Start] + "\n" + request[run.End..]);
        // The paste is a container: a Service or Ingress the words name goes beside its workload, not instead of it.
        var workloadNamed = words.KindStated && words.Kind is ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet or ResourceKind.Job or ResourceKind.CronJob;
        var kind = workloadNamed ? words.Kind
            : run.RunsToCompletion || words.MentionsBatch && run.Ports.Count == 0 ? ResourceKind.Job
            : ResourceKind.Deployment;
        var claims = words.Claims.ToList();
        foreach (var volume in run.Volumes)
        {
            // A host directory cannot be mounted under the restricted profile: it becomes a claim named after it.
            var name = ResourceNameOf(volume.HostPath ? volume.Source.TrimEnd('/').Split('/').Last(s => s.Length > 0 && s != ".") : volume.Source);
            if (claims.All(c => c.Name != name)) claims.Add(new ClaimSlot(name, volume.MountPath, words.StorageSize ?? DefaultClaimSize));
        }
        var containerPorts = words.ContainerPorts.Concat(run.Ports.Select(p => p.Container)).Distinct().ToList();
        var published = run.Ports.Count > 0 && kind is not ResourceKind.Job and not ResourceKind.CronJob;
        var env = new Dictionary<string, string>(words.Env);
        foreach (var (k, v) in run.Env) env[k] = v;
        return words with
        {
            Kind = kind,
            Name = words.Name ?? (run.Name is { } n ? ResourceNameOf(n) : null),
            Image = run.Image,
            ImageWord = null,
            ContainerPorts = containerPorts,
            // Publishing a port makes it reachable from outside the container: a Service is the Kubernetes way.
            WantsService = words.WantsService || published || words.Kind == ResourceKind.Service,
            ServicePort = words.ServicePort ?? (published ? run.Ports[0].Host : null),
            Env = env,
            Claims = claims,
            MountPath = null,
            Gpu = run.Gpus is { } gpus ? new GpuSlot(gpus, null, false, true, words.Gpu?.Model) : words.Gpu,
            ShmSize = run.ShmSize ?? words.ShmSize,
            Memory = run.Memory ?? words.Memory,
            Cpu = run.Cpu ?? words.Cpu,
            CpuRequest = run.CpuRequest ?? words.CpuRequest,
            MemoryRequest = run.MemoryRequest ?? words.MemoryRequest,
            Replicas = run.Replicas ?? words.Replicas,
            StorageSize = run.StorageSize ?? words.StorageSize,
            StorageClass = run.StorageClass ?? words.StorageClass,
            ServiceType = run.ServiceType ?? words.ServiceType,
            NodePort = run.NodePort ?? words.NodePort,
            JobRun = run.RetryLimit is null && run.DeadlineSeconds is null ? words.JobRun
                : (words.JobRun ?? new JobRunSlot(null, null, null, null)) with { BackoffLimit = run.RetryLimit ?? words.JobRun?.BackoffLimit, DeadlineSeconds = run.DeadlineSeconds },
            Args = run.Args,
            Command = run.Entrypoint.Count > 0 ? run.Entrypoint : words.Command.Count > 0 && run.Args.Count == 0 ? words.Command : [],
            Run = run,
        };
    }

    /// <summary>The size a claim gets when the paste names a volume but not its size.</summary>
    public const string DefaultClaimSize = "10Gi";

    private static string ResourceNameOf(string name)
    {
        var cleaned = System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9-]+", "-").Trim('-');
        return cleaned.Length == 0 ? "data" : cleaned;
    }
}
