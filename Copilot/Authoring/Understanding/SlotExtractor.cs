using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Reads the stated requirements (<see cref="RequestSlots"/>) from a request in words, in any of
/// the six languages or a mix: the kind, names, sizes with units, ports, replica counts, mounts,
/// schedules, images, GPUs (a whole GPU or a MIG slice), storage class, access mode, env, command.
/// </summary>
public static partial class SlotExtractor
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Function words that cannot be a name that follows "pvc", "service", "named"...
    private static readonly HashSet<string> Stop = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "my", "our", "your", "for", "of", "with", "at", "on", "in", "to", "and", "from", "that", "which", "is", "it", "new",
        "named", "called", "name", "port", "ports", "type", "typu", "tipus", "tipo", "typ", "per", "amb", "con", "da", "di", "de", "del", "della", "il", "el", "la", "les",
        "za", "od", "na", "s", "sa", "se", "iz", "u", "i", "pro", "ve", "v", "z", "mit", "für", "fur", "von", "auf", "im", "dem", "den", "der", "die", "das", "und",
        "unter", "cap", "al", "su", "sulla", "verso", "nella", "e", "o", "que", "che", "koji", "koja", "který", "která", "der", "als", "to", "je", "ist",
        "storage", "class", "size", "of", "mount", "mounted", "claim", "volume", "nodeport", "service", "servis", "servei", "servizio", "služba", "dienst",
        // Demonstratives: "with that pvc", "s tim pvc-om", "s tím pvc", "amb aquest pvc", "con quel pvc", "mit diesem pvc".
        "this", "that", "it", "its", "tim", "tom", "tím", "tento", "tenhle", "ovim", "ovaj", "aquest", "aquell", "quel", "questo", "dieses", "diesem", "diese", "same",
        "as", "kao", "jako", "com", "come", "als", "env", "whole", "full",
        "tomu", "tome", "ovom", "ovome", "questa", "aquesta", "dieser",
        // Verbs of a change to a pasted manifest: "add pvc datasets", "přidej pvc", "afegeix el pvc", "füge pvc … hinzu".
        "add", "attach", "use", "dodaj", "stavi", "přidej", "pridej", "afegeix", "afegir", "aggiungi", "füge", "hinzufügen",
    };


    [GeneratedRegex(@"(?<![\w])(?:x\s?(\d{1,2})|(\d{1,2})\s?[x×])(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Times();

    // A Markdown table of requirements ("| ime | ciscenje-tmp |") reads as "ime: ciscenje-tmp", one row a line, like a bullet list;
    // so does a bullet written with an arrow or a dash between the field and its value ("• port → 9000", "- Name — ocr").
    internal static string Untabled(string request)
    {
        request = ArrowedBullet().Replace(request, "$1: ");
        return !request.Contains('|') ? request
            : TableRow().Replace(TableRule().Replace(request, ""), m => string.Join(": ", m.Groups[1].Value.Split('|').Select(c => c.Trim())));
    }

    [GeneratedRegex(@"^([ \t]*[•*·\-–][ \t]*[\p{L}][\p{L} ]{0,24}?)[ \t]*(?:→|->|=>|—|–)[ \t]*", RegexOptions.Multiline)]
    private static partial Regex ArrowedBullet();

    [GeneratedRegex(@"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^[ \t]*\|(.+)\|[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    /// <summary>Reads every stated requirement from <paramref name="request"/>.</summary>
    public static RequestSlots Extract(string request)
    {
        request = Untabled(request);
        if (KubectlCommand.Find(request) is { } kubectl) return FromKubectl(request, kubectl);
        if (ContainerRun.Find(request) is { } run) return FromRun(request, run);
        if (SlurmBatch.Find(request) is { } slurm) return FromSlurm(request, slurm);
        // "configmap nginx-conf from this default.conf: …": the file is the ConfigMap's data, not words to read.
        if (Vocabulary.Kinds[ResourceKind.ConfigMap].IsMatch(request) && ConfigFile(request) is { } file)
            return Extract(request[..file.Start]) with { Kind = ResourceKind.ConfigMap, Files = new Dictionary<string, string> { [file.Name] = file.Content } };
        // "a ClusterRole that lets our service account list nodes": the rest of the request is read without that kind's name, so
        // what can be drafted from it (a Role for the account) is, and the kind is named as not drafted.
        if (UndraftableKinds.Asked(request) is { } other)
            return Extract(request[..other.Start] + new string(' ', other.End - other.Start) + request[other.End..]) with { NotDrafted = other.Kind };
        var text = request.Trim();
        var schedule = ScheduleReader.Read(text);
        var image = Image(text);
        // "add a sidecar nginx:1.27": the image named right after "sidecar" is the sidecar's, not the app's.
        if (NamedForSidecar(text, image)) image = null;
        var mentioned = KnownImages.Mentioned(text);
        var gpu = Gpu(text);
        var members = Counting.Before(text, Vocabulary.NodeNoun);
        var replicas = Counting.ChosenInRange(text, Vocabulary.ReplicaNoun) ?? Counting.Before(text, Vocabulary.ReplicaNoun) ?? Counting.After(text, Vocabulary.ReplicaNoun) ?? Times(text) ?? members;
        var database = Vocabulary.Database.IsMatch(text) || mentioned is { Entry.DataPath: not null } && Regex.IsMatch(mentioned.Value.Entry.Repository, "postgres|mysql|mariadb|mongo|elasticsearch");
        var batch = Vocabulary.Batch.IsMatch(text);

        var workloadAt = WorkloadEvidence(text, image, mentioned, gpu, members);
        // "500GB per replica", "20 gigs each": every replica has its own volume, which only a StatefulSet gives.
        var sizedPerReplica = replicas is > 1 && Counting.Sizes(text).Any(s => Vocabulary.Each.IsMatch(FirstWords(s.Following, 3)));
        var (kind, stated, service, attached) = DecideKind(text, schedule, workloadAt, database || sizedPerReplica, batch, members, replicas);
        if (kind == ResourceKind.CronJob) schedule ??= ScheduleReader.DailyAtStatedTime(text);
        // "rolebinding giving the group ml-students the clusterrole view": a role that exists, bound, rather than permissions to grant.
        // With no kind word at all, a role and a subject named ("dej skupině fyzika roli view") ask for the same.
        var binding = kind == ResourceKind.ServiceAccount || !stated ? Binding(text) : null;
        if (binding is not null) kind = ResourceKind.RoleBinding;
        // "a daemonset on the gpu nodes": an agent placed on GPU nodes, which asks for no GPU of its own unless it counts some.
        var gpuNodes = kind == ResourceKind.DaemonSet && gpu is { WantsMig: false } && Counting.Before(text, GpuWord(), SkippedBeforeCount) is null;
        if (gpuNodes) gpu = null;

        var nodePortMatch = NodePortNumber().Match(text);
        int? nodePort = nodePortMatch.Success ? int.Parse(nodePortMatch.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        var serviceType = NodePortWord().IsMatch(text) ? "NodePort" : LoadBalancer().IsMatch(text) ? "LoadBalancer" : null;
        // "nodeport exposing 9000 on 30900": with a NodePort asked, a number in the nodePort range is the nodePort.
        if (nodePort is null && serviceType == "NodePort" && NodePortRangeNumber().Match(text) is { Success: true } ranged)
            (nodePortMatch, nodePort) = (ranged, int.Parse(ranged.Value, CultureInfo.InvariantCulture));
        var (containerPorts, servicePort) = Ports(text, nodePortMatch);
        service |= serviceType is not null && kind is not ResourceKind.Service and not ResourceKind.Ingress;
        if (servicePort is not null && kind is not ResourceKind.Service and not ResourceKind.Ingress) service = true;

        var (storage, memory, memoryRequest, shm) = SizesByUse(text, kind, database, sizedPerReplica);

        var podless = kind is not (ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet or ResourceKind.Job or ResourceKind.CronJob);
        var claims = podless ? [] : Claims(text);
        var mountPath = podless ? null : MountPath(text);
        // One claim and a path stated elsewhere ("... a job that mounts it on /scratch"): the path is that claim's.
        if (claims.Count == 1 && claims[0].MountPath is null && mountPath is not null) claims = [claims[0] with { MountPath = mountPath }];
        // A policy kind stands alone: "ingress-nginx" or "service" in its words names what it governs, not an object to add.
        var policy = kind is ResourceKind.HorizontalPodAutoscaler or ResourceKind.NetworkPolicy or ResourceKind.ResourceQuota or ResourceKind.LimitRange or ResourceKind.Secret
            or ResourceKind.PodDisruptionBudget or ResourceKind.ServiceAccount or ResourceKind.RoleBinding;
        if (policy) (service, attached) = (false, []);
        // "reachable at http://notebooks.lab.example.org:8888": a public address for a workload is an Ingress on that host.
        var url = policy ? null : PublicUrl(text);
        var ingress = kind == ResourceKind.Ingress || attached.Contains(ResourceKind.Ingress) || url is { Host: not null } && !podless;
        if (url is { Port: { } urlPort } && containerPorts.Count == 0) containerPorts = [urlPort];
        return new RequestSlots
        {
            Kind = kind,
            KindStated = stated,
            WantsService = service || ingress && kind is not ResourceKind.Ingress and not ResourceKind.Service,
            WantsIngress = ingress && kind is not ResourceKind.Ingress,
            CreatesClaim = attached.Contains(ResourceKind.PersistentVolumeClaim) && storage is not null,
            ServiceType = policy ? null : serviceType,
            Name = Name(text) ?? (kind is ResourceKind.Secret or ResourceKind.ConfigMap or ResourceKind.ServiceAccount ? NameAfterKind(text, kind) : QuotedNameAfterKind(text, kind)),
            Namespace = kind is ResourceKind.NetworkPolicy or ResourceKind.RoleBinding ? PolicyNamespace(text) : Match(text, @"\b(?:namespace|ns)\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9\-]*)"),
            Disruption = kind == ResourceKind.PodDisruptionBudget ? Disruption(text) : null,
            Access = kind == ResourceKind.ServiceAccount ? Granted(text) : null,
            TlsSecret = ingress ? TlsSecret(text) : null,
            IngressClass = ingress ? Match(text, @"(?<![\w])ingress\s*-?\s*class(?:\s*-?\s*name)?\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9.\-]*[a-z0-9])") : null,
            StorageSize = storage,
            Memory = memory,
            Cpu = Cpu(text),
            CpuRequest = CpuRequest(text),
            MemoryRequest = memoryRequest,
            ContainerPorts = containerPorts,
            ServicePort = policy ? null : servicePort,
            NodePort = policy ? null : nodePort,
            Replicas = replicas,
            ReplicasAreMembers = members is not null && replicas == members,
            JobNodes = kind == ResourceKind.Job && members is > 1 ? members : null,
            EnvFromSecrets = EnvFromSecrets(text),
            Claims = claims,
            MountPath = claims.Count == 0 ? mountPath : null,
            Schedule = schedule,
            TimeZone = kind == ResourceKind.CronJob ? ScheduleReader.TimeZone(text) : null,
            Image = image,
            ImageWord = mentioned?.Entry.Repository,
            Gpu = gpu,
            GpuNodes = gpuNodes,
            StorageClass = StorageClassOf(text, storage is not null),
            AccessMode = Access(text),
            Env = Pairs(text, upperOnly: kind != ResourceKind.ConfigMap),
            Command = Command(text),
            Args = Args(text),
            Host = !ingress ? null : url?.Host ?? (HostName().Match(text) is { Success: true } host ? host.Groups[1].Value.ToLowerInvariant() : null),
            BackendService = kind == ResourceKind.Ingress ? Backend(text) : null,
            Queue = Queue(text),
            MentionsDatabase = database,
            MentionsBatch = batch,
            // An autoscaler named beside a workload ("deployment … 3 replike, hpa do 10") scales that workload.
            Autoscaling = kind == ResourceKind.HorizontalPodAutoscaler ? Autoscaling(text)
                : kind is ResourceKind.Deployment or ResourceKind.StatefulSet && attached.Contains(ResourceKind.HorizontalPodAutoscaler) ? Autoscaling(text) with { Target = null, TargetKind = kind.ToString() } : null,
            Traffic = kind == ResourceKind.NetworkPolicy ? Traffic(text) : null,
            PodCount = kind == ResourceKind.ResourceQuota ? Pods(text) : null,
            SecretKeys = kind == ResourceKind.Secret ? SecretKeys(text) : [],
            ShmSize = podless ? null : shm,
            InitContainer = !podless && InitContainerWord().IsMatch(text),
            Sidecars = podless ? [] : Sidecars(text, image),
            Tolerations = podless ? [] : Tolerations(text),
            NodeSelector = podless ? new Dictionary<string, string>() : NodeSelector(text),
            Labels = podless ? new Dictionary<string, string>() : ObjectLabels(text),
            Selector = kind == ResourceKind.Service ? ServiceSelector(text) : new Dictionary<string, string>(),
            ConcurrencyPolicy = kind == ResourceKind.CronJob ? ConcurrencyPolicy(text) : null,
            SuccessfulJobsHistoryLimit = kind == ResourceKind.CronJob ? SuccessfulHistory(text) : null,
            Binding = binding,
            JobRun = kind is ResourceKind.Job or ResourceKind.CronJob ? JobRun(text) : null,
        };
    }

    /// <summary>A Slurm job to move: its options read as the words they stand for, a Job (or the CronJob asked to run it) with its wall-clock limit.</summary>
    private static RequestSlots FromSlurm(string request, SlurmBatch slurm)
    {
        var slots = Extract(request[..slurm.Start] + slurm.Restated() + request[slurm.End..]);
        var kind = slots.Kind == ResourceKind.CronJob ? ResourceKind.CronJob : ResourceKind.Job;
        var run = slurm.TimeLimitSeconds is { } deadline ? (slots.JobRun ?? new JobRunSlot(null, null, null, null)) with { DeadlineSeconds = deadline } : slots.JobRun;
        return slots with { Kind = kind, KindStated = true, JobRun = run };
    }

    private static string? Name(string text)
    {
        foreach (Match marker in Vocabulary.NameMarker.Matches(text))
        {
            var after = Regex.Match(text[(marker.Index + marker.Length)..], @"^\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9\-.]*[a-z0-9]|[a-z])(?![\w])", I);
            if (!after.Success) continue;
            var name = after.Groups[1].Value.ToLowerInvariant();
            if (Stop.Contains(name) || Vocabulary.NameMarker.IsMatch(name)) continue;
            return name;
        }
        return null;
    }

    private static int? Times(string text) =>
        Times().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture) : null;

    private static string Before(string text, int index, int chars) => text[Math.Max(0, index - chars)..index];

    private static string FirstWords(string text, int count) => string.Join(' ', Regex.Matches(text, @"[\p{L}\d]+").Take(count).Select(m => m.Value));

    private static string? Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, I);
        return m.Success ? m.Groups[1].Value : null;
    }
}
