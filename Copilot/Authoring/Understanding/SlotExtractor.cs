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

    [GeneratedRegex(@"(?:\bimage\s*[:=]?\s*|\busing\s+|\bfrom\s+|\bslik[ae]\s+|\bobraz\s+|\bimatge\s+|\bimmagine\s+)[`""']?([a-z0-9][\w.\-]*(?:/[\w.\-]+)*(?::[\w.\-]+)?(?:@sha256:[a-f0-9]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitImage();

    [GeneratedRegex(@"(?<![\w./-])((?:[a-z0-9\-]+\.)+[a-z]{2,}(?::\d+)?/[\w.\-/]+(?::[\w.\-]+)?|[a-z0-9\-]+/[a-z0-9][\w.\-]*:[\w.\-]+)(?![\w/])", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryImage();

    [GeneratedRegex(@"(?<![\w.\-/])((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:org|com|net|io|dev|eu|hr|cz|es|it|de|cat|local|internal|lab|ai|app|cloud|edu))(?![\w.\-/:])", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();

    // A path's segments end in a letter, digit or '-', so a sentence's full stop is not part of it ("… in /data.").
    [GeneratedRegex(@"(?<![\w:/.])(/[\w.\-]*[\w\-](?:/[\w.\-]*[\w\-])*)/?")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"\b(\d+g\.\d+gb)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MigProfile();

    // The Catalan "mig" is also "half": "mig nucli de cpu", "mig tera" are not MIG slices.
    [GeneratedRegex(@"(?<![\w])mig(?![\w])(?!\s+(?:de\s+)?(?:v?cpus?|cores?|nuclis?|tera\w*|giga\w*|gigues|gb|tb)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MigWord();

    [GeneratedRegex(@"(?<![\w])(gpus?|gpu-?\w{0,3}|a100|h100|h200|a30|a40|a10|l4|l40s?|v100|t4|grafičk\w*|grafick\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex GpuWord();

    [GeneratedRegex(@"\b(a100|h100|h200|a30|a40|a10|l4|l40s?|v100|t4)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GpuModel();

    [GeneratedRegex(@"(?<![\w])node\s*-?\s*port\w*\s*[:=]?\s*(\d{4,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NodePortNumber();

    [GeneratedRegex(@"(?<![\w.:/])3[0-2]\d{3}(?![\w.:/])")]
    private static partial Regex NodePortRangeNumber();

    [GeneratedRegex(@"(?<![\w])(?:port\w*|listen\w*\s+on|lauscht\s+auf|escolta\s+al|ascolta\s+sulla|expos\w*|izlož\w*|izlaž\w*|vystav\w*|espon\w*|(?:https?|grpc|tcp)\s+(?:on|na|al|sulla|auf))\s*[:=]?\s*(?:(?:to|at|na|auf|a|al|su|sulla)\s+)?(\d{2,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortNumber();

    // "behind a LoadBalancer on 443", "Service on 8080": a port written without the word "port".
    [GeneratedRegex(@"(?:load\s?balancer|service|servis\w*|služb\w*|servei|servizio|dienst)\s+(?:on|na|al|sulla|auf)\s+(\d{2,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceOnNumber();

    [GeneratedRegex(@"(?<![\w])(?:x\s?(\d{1,2})|(\d{1,2})\s?[x×])(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Times();

    [GeneratedRegex(@"\b(rwx|read[\s\-]?write[\s\-]?many)\b|\b(rwo|read[\s\-]?write[\s\-]?once)\b|\b(rox|read[\s\-]?only[\s\-]?many)\b|\b(rwop|read[\s\-]?write[\s\-]?once[\s\-]?pod)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccessMode();

    [GeneratedRegex(@"storage\s*-?\s*class(?:name)?\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9.\-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex StorageClass();

    // "on the ceph-block storage class": the name before the words.
    [GeneratedRegex(@"(?<![\w\-])([a-z0-9][a-z0-9.\-]*[a-z0-9])\s+storage\s*-?\s*class", RegexOptions.IgnoreCase)]
    private static partial Regex StorageClassBefore();

    // Storage classes named after their provisioner, which people name without the words "storage class" ("40Gi na longhorn").
    [GeneratedRegex(@"(?<![\w\-/])(longhorn(?:-[\w\-]+)?|ceph-[\w\-]+|cephfs|rook-[\w\-]+|nfs-[\w\-]+|local-path|openebs-[\w\-]+|gp[23]|csi-[\w\-]+)(?![\w\-/])", RegexOptions.IgnoreCase)]
    private static partial Regex ProvisionerClass();

    // A Markdown table of requirements ("| ime | ciscenje-tmp |") reads as "ime: ciscenje-tmp", one row a line, like a bullet list.
    private static string Untabled(string request) =>
        !request.Contains('|') ? request
            : TableRow().Replace(TableRule().Replace(request, ""), m => string.Join(": ", m.Groups[1].Value.Split('|').Select(c => c.Trim())));

    [GeneratedRegex(@"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^[ \t]*\|(.+)\|[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"(?<![\w])(load\s?balancer)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex LoadBalancer();

    [GeneratedRegex(@"(?<![\w])node\s*-?\s*port", RegexOptions.IgnoreCase)]
    private static partial Regex NodePortWord();

    [GeneratedRegex(@"([\w\-/]+\.(?:py|sh|R|jl))\b")]
    private static partial Regex Script();

    /// <summary>Reads every stated requirement from <paramref name="request"/>.</summary>
    public static RequestSlots Extract(string request)
    {
        request = Untabled(request);
        if (KubectlCommand.Find(request) is { } kubectl) return FromKubectl(request, kubectl);
        if (ContainerRun.Find(request) is { } run) return FromRun(request, run);
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

        var sizes = Counting.Sizes(text).Where(s => !InsideMigProfile(text, s.Index)).ToList();
        // A size stated for /dev/shm is neither storage nor the memory limit.
        var (shm, shmAt) = ShmSize(text, sizes);
        sizes.RemoveAll(s => s.Index == shmAt);
        // A size named as RAM, or one a limit word stands before ("limit it to 500 megs", "begrenzt auf 512 mb Speicher"), is memory.
        // So is one right after a memory noun ("memory limit 1.5Gi", "RAM: 4Gi"), and, in a workload that names no volume,
        // one the German "Speicher" names (storage or memory; a pod without a volume has only memory to size).
        var volumeless = !ClaimWord().IsMatch(text) && AbsolutePath().Matches(text).All(p => p.Value.StartsWith("/dev/shm", StringComparison.Ordinal));
        // A pod that names no volume, disk, storage class or access mode, and holds no database, has only memory to size ("give it 2 gigs").
        // A Job that names a database works on it ("dump the postgres db"); a Deployment that names one may hold it.
        var onlyMemory = volumeless && !sizedPerReplica && !Vocabulary.StorageNoun.IsMatch(text) && StorageClassOf(text, true) is null && Access(text) is null
            && (kind is ResourceKind.Job or ResourceKind.CronJob || kind == ResourceKind.Deployment && !database);
        bool IsMemory((string Quantity, string Following, int Index) s) => Vocabulary.MemoryNoun.IsMatch(FirstWords(s.Following, 3))
            || Vocabulary.Limit.IsMatch(Before(text, s.Index, 40)) && !Vocabulary.StorageNoun.IsMatch(Before(text, s.Index, 40))
            || MemoryNounJustBefore().IsMatch(Before(text, s.Index, 40))
            || volumeless && kind is ResourceKind.Job or ResourceKind.CronJob or ResourceKind.Deployment && AmbiguousMemoryNoun().IsMatch(FirstWords(s.Following, 2))
            || onlyMemory;
        // "memory request 1.5Gi, limit 3Gi", "request na 3Gi": a size a request word stands just before is the request, not the limit.
        bool IsRequest((string Quantity, string Following, int Index) s) => RequestWordJustBefore().IsMatch(Before(text, s.Index, 24));
        var storage = sizes.FirstOrDefault(s => !IsMemory(s) && !IsRequest(s) && !GpuModelBefore(text, s.Index)).Quantity;
        var memory = sizes.FirstOrDefault(s => IsMemory(s) && !IsRequest(s)).Quantity;
        var memoryRequest = sizes.FirstOrDefault(IsRequest).Quantity;
        // A LimitRange bounds containers: the size it names is their memory, whatever noun follows ("2Gi Speicher").
        if (kind == ResourceKind.LimitRange && memory is null) (memory, storage) = (storage, null);

        var podless = kind is not (ResourceKind.Deployment or ResourceKind.StatefulSet or ResourceKind.DaemonSet or ResourceKind.Job or ResourceKind.CronJob);
        var claims = podless ? [] : Claims(text);
        var mountPath = podless ? null : MountPath(text);
        // One claim and a path stated elsewhere ("... a job that mounts it on /scratch"): the path is that claim's.
        if (claims.Count == 1 && claims[0].MountPath is null && mountPath is not null) claims = [claims[0] with { MountPath = mountPath }];
        // A policy kind stands alone: "ingress-nginx" or "service" in its words names what it governs, not an object to add.
        var policy = kind is ResourceKind.HorizontalPodAutoscaler or ResourceKind.NetworkPolicy or ResourceKind.ResourceQuota or ResourceKind.LimitRange or ResourceKind.Secret
            or ResourceKind.PodDisruptionBudget or ResourceKind.ServiceAccount;
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
            Namespace = kind == ResourceKind.NetworkPolicy ? PolicyNamespace(text) : Match(text, @"\b(?:namespace|ns)\s*[:=]?\s*[`""']?([a-z0-9][a-z0-9\-]*)"),
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
            Image = image,
            ImageWord = mentioned?.Entry.Repository,
            Gpu = gpu,
            GpuNodes = gpuNodes,
            StorageClass = StorageClassOf(text, storage is not null),
            AccessMode = Access(text),
            Env = Pairs(text, upperOnly: kind != ResourceKind.ConfigMap),
            Command = Command(text),
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
            ConcurrencyPolicy = kind == ResourceKind.CronJob ? ConcurrencyPolicy(text) : null,
            SuccessfulJobsHistoryLimit = kind == ResourceKind.CronJob ? SuccessfulHistory(text) : null,
        };
    }

    /// <summary>Where the first sign of a workload is (an image, a GPU, replicas, a script): a Service or PVC named after it is attached to it.</summary>
    private static int WorkloadEvidence(string text, string? image, (KnownImages.Entry Entry, int Index)? mentioned, GpuSlot? gpu, int? members)
    {
        var positions = new List<int>();
        if (image is not null) positions.Add(text.IndexOf(image, StringComparison.OrdinalIgnoreCase) is var i and >= 0 ? i : int.MaxValue);
        if (mentioned is { } m) positions.Add(m.Index);
        if (gpu is not null && GpuWord().Match(text) is { Success: true } g) positions.Add(g.Index);
        foreach (var r in new[] { Vocabulary.ReplicaNoun, Vocabulary.Batch, Vocabulary.Database })
            if (r.Match(text) is { Success: true } hit) positions.Add(hit.Index);
        if (members is not null && Vocabulary.NodeNoun.Match(text) is { Success: true } n) positions.Add(n.Index);
        if (Script().Match(text) is { Success: true } s) positions.Add(s.Index);
        foreach (var k in WorkloadKinds)
            if (Vocabulary.Kinds[k].Match(text) is { Success: true } hit) positions.Add(hit.Index);
        return positions.Count == 0 ? int.MaxValue : positions.Min();
    }

    private static readonly ResourceKind[] WorkloadKinds = [ResourceKind.Deployment, ResourceKind.StatefulSet, ResourceKind.DaemonSet, ResourceKind.Job, ResourceKind.CronJob];

    /// <summary>
    /// The kind asked for, whether a kind word named it, whether a Service goes with it, and the
    /// other objects asked for beside it: a Service, PVC or Ingress named after the workload's evidence
    /// is attached to it, and so is one named first and joined to a workload kind by "and"
    /// ("pvc 25 giga i job koji...", "a PVC plus a Job").
    /// </summary>
    private static (ResourceKind Kind, bool Stated, bool Service, HashSet<ResourceKind> Attached) DecideKind(string text, string? schedule, int workloadAt, bool database, bool batch, int? members, int? replicas)
    {
        var mentions = Vocabulary.Kinds
            .SelectMany(k => k.Value.Matches(text).Select(m => (Kind: k.Key, m.Index, m.Value)))
            // "cronjob" also ends in "job"; the longer word decides.
            .Where(m => !(m.Kind == ResourceKind.Job && Regex.IsMatch(m.Value, "cron", I)))
            // "mount the secret viz-creds as env" loads a Secret into a workload; it does not ask for one.
            .Where(m => !(m.Kind == ResourceKind.Secret && Vocabulary.EnvWord.IsMatch(text)))
            .OrderBy(m => m.Index).ToList();
        // "service account" also starts with "service": of two kind words at one place, the longer decides.
        mentions.RemoveAll(m => mentions.Any(o => o.Index == m.Index && (o.Value.Length > m.Value.Length || o.Value.Length == m.Value.Length && o.Kind == ResourceKind.ServiceAccount && m.Kind != o.Kind)));
        // A requirement list names the kind in an item; a heading above it ("requirements for our label service:") only introduces it.
        var heading = HeadingAboveList(text);
        if (heading is { } h && mentions.Any(m => m.Index >= h.End && WorkloadKinds.Contains(m.Kind)))
            mentions.RemoveAll(m => m.Index >= h.Start && m.Index < h.End);
        var joinedWorkload = mentions.FirstOrDefault(m => WorkloadKinds.Contains(m.Kind) && JoinedByAnd(text, m.Index));
        var attached = new HashSet<ResourceKind>();
        foreach (var m in mentions)
        {
            var joined = joinedWorkload.Value is not null && m.Index < joinedWorkload.Index;
            switch (m.Kind)
            {
                case ResourceKind.Service or ResourceKind.PersistentVolumeClaim or ResourceKind.Ingress or ResourceKind.ConfigMap or ResourceKind.HorizontalPodAutoscaler when m.Index > workloadAt || joined:
                    // Named after a workload (or joined to one): a Service to expose it, a claim to mount, an Ingress to route to it.
                    attached.Add(m.Kind);
                    continue;
                case ResourceKind.Job when schedule is not null:
                    return (ResourceKind.CronJob, true, attached.Contains(ResourceKind.Service) || Later(ResourceKind.Service, m.Index), Attach(m.Index));
                default:
                    return (m.Kind, true, attached.Contains(ResourceKind.Service) || Later(ResourceKind.Service, m.Index) && m.Kind is not ResourceKind.Service and not ResourceKind.Ingress, Attach(m.Index));
            }
        }
        if (schedule is not null) return (ResourceKind.CronJob, false, attached.Contains(ResourceKind.Service), attached);
        // "multi node trening: 2 noda po 8 gpu": members of work that runs to completion are the nodes of one Job.
        if (members is > 1 && batch && !database) return (ResourceKind.Job, false, attached.Contains(ResourceKind.Service), attached);
        if (database || members is > 1) return (ResourceKind.StatefulSet, false, attached.Contains(ResourceKind.Service), attached);
        if (batch && replicas is null) return (ResourceKind.Job, false, attached.Contains(ResourceKind.Service), attached);
        return (ResourceKind.Deployment, false, attached.Contains(ResourceKind.Service), attached);

        bool Later(ResourceKind kind, int after) => mentions.Any(x => x.Kind == kind && x.Index > after);
        HashSet<ResourceKind> Attach(int at)
        {
            foreach (var later in mentions.Where(x => x.Index > at && x.Kind is ResourceKind.Ingress or ResourceKind.PersistentVolumeClaim or ResourceKind.HorizontalPodAutoscaler)) attached.Add(later.Kind);
            return attached;
        }
    }

    /// <summary>The line that introduces a requirement list (ends with ':' and bullet lines follow it), or null.</summary>
    private static (int Start, int End)? HeadingAboveList(string text)
    {
        var m = Regex.Match(text, @"^([^\n]*:)[ \t]*\r?\n(?=[ \t]*(?:[-*•]|\d+[.)])[ \t])", RegexOptions.Multiline);
        return m.Success ? (m.Index, m.Index + m.Groups[1].Length) : null;
    }

    /// <summary>The kind word at <paramref name="index"/> follows "and" (optionally with an article), not "for a": "i job", "and a job", "und ein job".</summary>
    private static bool JoinedByAnd(string text, int index)
    {
        static bool IsAnd(Match m) => m.Success && Vocabulary.And.Match(m.Groups[1].Value) is { Success: true } and && and.Length == m.Groups[1].Value.Length;
        var head = text[..index];
        var before = Regex.Match(head, @"(\S+)\s+$");
        // "pvc 10 giga a job": the Czech "and" is also an article elsewhere, so the word right before the kind is tried first.
        if (!IsAnd(before)) before = Regex.Match(head, @"(\S+)\s+(?:a|an|un|una|uno|ein|eine|einen|jedan|jeden|one)\s+$", I);
        // "und dazu ein Deployment", "and also a job", "i još job": one word may stand between "and" and the kind (or its article).
        if (!IsAnd(before)) before = Regex.Match(head, @"(\S+)\s+[\p{L}]+\s+(?:(?:a|an|un|una|uno|ein|eine|einen|jedan|jeden|one)\s+)?$", I);
        if (!IsAnd(before)) return false;
        var previous = Regex.Match(text[..before.Index], @"(\S+)\s*$");
        return !previous.Success || !Regex.IsMatch(previous.Groups[1].Value, @"^(for|za|pro|per|für|fur|para|to|na|in|of|od)$", I);
    }

    internal static string? Image(string text)
    {
        var explicitImage = ExplicitImage().Match(text);
        if (explicitImage.Success && LooksLikeImage(explicitImage.Groups[1].Value)) return explicitImage.Groups[1].Value.TrimEnd('.', ',');
        if (RegistryImage().Match(text) is { Success: true } r) return r.Groups[1].Value.TrimEnd('.', ',');
        // "python:3.12-slim", "alpine:3.20": an image of the catalogue written as name:tag, without a registry.
        return BareImage().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.', ','))
            .FirstOrDefault(i => KnownImages.Find(i[..i.LastIndexOf(':')]) is not null);
    }

    private static bool LooksLikeImage(string value) => value.Contains('/') || value.Contains(':') || KnownImages.Find(value) is not null;

    private static GpuSlot? Gpu(string text)
    {
        var profile = MigProfile().Match(text) is { Success: true } p ? p.Groups[1].Value.ToLowerInvariant() : null;
        var migWord = MigWord().Match(text);
        var negated = migWord.Success && Vocabulary.Negation.IsMatch(Before(text, migWord.Index, 24));
        var whole = GpuWord().Matches(text).Any(g => Vocabulary.WholeGpu.IsMatch(Before(text, g.Index, 24)) || Vocabulary.WholeGpu.IsMatch(FirstWords(text[(g.Index + g.Length)..], 1)));
        var mig = (profile is not null || migWord.Success) && !negated;
        var model = GpuModel().Match(text) is { Success: true } mm ? mm.Groups[1].Value.ToLowerInvariant() : null;
        if (mig)
        {
            var count = Counting.Before(text, new Regex(@"(?<![\w])(?:mig|\d+g\.\d+gb|slices?)(?![\w])", I), SkippedBeforeCount) ?? 1;
            return new GpuSlot(count, profile, true, whole, model);
        }
        if (!GpuWord().IsMatch(text) && !Regex.IsMatch(text, @"\bcuda\b", I)) return null;
        var gpus = Counting.Before(text, GpuWord(), SkippedBeforeCount) ?? 1;
        return new GpuSlot(gpus, null, false, whole || negated, model);
    }

    // Words between a count and its GPU noun: "two H100 MIG slices", "one full GPU", "jednom cijelom GPU-u".
    private static readonly Regex SkippedBeforeCount = new("^(?:" + Vocabulary.WholeGpu.ToString() + "|" + GpuModel().ToString() + @"|mig|nvidia|\d+g|\d+gb)$", I);

    /// <summary>
    /// The first http(s) address in the words that is not a setting's value ("API_URL=http://…"): its host when it is a public name
    /// (dotted, not a cluster-internal, .local or .internal one, not an IP), and its port ("http://localhost:8080": the app's port).
    /// </summary>
    private static (string? Host, int? Port)? PublicUrl(string text)
    {
        if (Url().Match(text) is not { Success: true } m) return null;
        var host = m.Groups[1].Value.ToLowerInvariant();
        int? port = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        var isPublic = host.Contains('.') && !Regex.IsMatch(host, @"^[\d.]+$|\.(?:svc|cluster\.local|local|internal|localhost)$");
        return (isPublic ? host : null, port);
    }

    [GeneratedRegex(@"(?<![=\w""':])https?://([a-z0-9](?:[a-z0-9\-.]*[a-z0-9])?)(?::(\d{2,5}))?(?![\w.\-])", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    private static (IReadOnlyList<int> Container, int? Service) Ports(string text, Match nodePort)
    {
        var container = new List<int>();
        int? service = null;
        foreach (Match m in PortNumber().Matches(text))
        {
            if (nodePort.Success && m.Index >= nodePort.Index && m.Index < nodePort.Index + nodePort.Length) continue;
            if (NodePortWord().IsMatch(Before(text, m.Index, 6))) continue;
            var port = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            // The nearest kind word before the port tells whose port it is.
            var nearest = Vocabulary.Kinds.SelectMany(k => k.Value.Matches(text[..m.Index]).Select(x => (k.Key, x.Index, x.Value)))
                .Where(x => !Regex.IsMatch(x.Value, @"^node\s*-?\s*port", I))
                .OrderByDescending(x => x.Index).FirstOrDefault();
            var workloadSince = nearest.Value is not null && (KnownImages.Mentioned(text[nearest.Index..m.Index]) is not null || Vocabulary.ReplicaNoun.IsMatch(text[nearest.Index..m.Index])
                || RegistryImage().IsMatch(text[nearest.Index..m.Index]));
            if (nearest.Value is not null && nearest.Key is ResourceKind.Service or ResourceKind.Ingress && !workloadSince && service is null) service = port;
            else if (!container.Contains(port)) container.Add(port);
            // "ports 8000 http 8001 grpc 8002 metrics", "porty 2379 a 2380": the numbers that follow on the line are the app's ports too.
            foreach (var more in PortsListedAfter(text, m.Index + m.Length))
                if (!container.Contains(more) && more != service) container.Add(more);
        }
        if (service is null && ServiceOnNumber().Match(text) is { Success: true } on) service = int.Parse(on.Groups[1].Value, CultureInfo.InvariantCulture);
        return (container, service);
    }

    private static IEnumerable<int> PortsListedAfter(string text, int at)
    {
        while (Regex.Match(text[at..], @"^[ \t]*(?:[,/&]|and|a|i|e|y|und|(?!node|on\b|to\b|na\b|auf\b|su\b|al\b|za\b|for\b|target)[a-z]{2,8})?[ \t]*(?:[,/&]|and|a|i|e|y|und)?[ \t]*(\d{2,5})(?![\w.%])(?![ \t]*(?:[gmtk]i?b?\b|giga|tera|mega|v?cpu|core|jezgr|jad|jád|nucl|kern|gpu|repl|rèpl|nod|node|pod|min|sec|s\b|x\b))", I) is { Success: true } next
               && int.Parse(next.Groups[1].Value, CultureInfo.InvariantCulture) is var port and >= 20 and <= 65535)
        {
            yield return port;
            at += next.Length;
        }
    }

    internal static List<ClaimSlot> Claims(string text)
    {
        var result = new List<ClaimSlot>();
        var patterns = new[]
        {
            // "pvc named data", "pvc 'raw-data'", "pvc-om dataset", "PVC dataset"
            @"(?<![\w])(?:pvc|persistent\s?volume\s?claim|volume\s?claim|claim)(?:-?[a-zšžčćđ]{1,3})?\s+(?:(?:named|called|imena|naziva|jménem|anomenat|chiamato|namens)\s+)?[`""']?([a-z][a-z0-9\-]*)",
            // "my dataset PVC", "the results pvc", "Checkpoints-PVC"
            @"(?<![\w])([a-z][a-z0-9\-]*)[\s\-]+(?:pvc|persistent\s?volume\s?claim|volume\s?claim|claim)s?(?![\w])(?!\s+(?:named|called|imena|naziva|jménem|anomenat|chiamato|namens)\b)",
        };
        foreach (var pattern in patterns)
            foreach (Match m in Regex.Matches(text, pattern, I))
            {
                var name = m.Groups[1].Value.ToLowerInvariant().Trim('-');
                if (Stop.Contains(name) || Vocabulary.Numbers.ContainsKey(name) || Vocabulary.Kinds.Values.Any(k => k.IsMatch(name) && k.Match(name).Length == name.Length)
                    || Vocabulary.GigaWord.IsMatch(name) || result.Any(c => c.Name == name)) continue;
                result.Add(new ClaimSlot(name, NearestPath(text, m.Index, m.Index + m.Length)));
            }
        return result;
    }

    /// <summary>The absolute path stated just after the claim (or, failing that, just before it).</summary>
    private static string? NearestPath(string text, int start, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 40)];
        // Stop at the next claim, whose path that is.
        if (Regex.Match(window, @"(?<![\w])(pvc|claim)", I) is { Success: true } next) window = window[..next.Index];
        var after = AbsolutePath().Match(window);
        if (after.Success) return after.Groups[1].Value;
        var from = Math.Max(0, start - 30);
        var before = AbsolutePath().Matches(text[from..start]).LastOrDefault();
        return before?.Groups[1].Value;
    }

    private static string? MountPath(string text) =>
        Regex.Match(text, @"(?:mount\w*|montira\w*|připoj\w*|munta\w*|montat\w*|mont\w*|einhäng\w*|unter|at|on|na|a|su|in|v|ve|en|auf)\s+(/[\w.\-]*[\w\-](?:/[\w.\-]*[\w\-])*)", I) is { Success: true } m
        && Regex.IsMatch(text, @"\b(mount\w*|montira\w*|připoj\w*|munta\w*|montat\w*|mont\w*|einhäng\w*|volume\w*|pvc|disk\w*|svazek|volum\w*)\b", I)
            ? m.Groups[1].Value : null;

    [GeneratedRegex(@"(?<![\w])(?:pvcs?|claims?|volumes?|mount\w*|montira\w*|munta\w*|montat\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex ClaimWord();

    [GeneratedRegex(@"(?<![\w])speicher(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex AmbiguousMemoryNoun();

    [GeneratedRegex(@"(?<![\w])(?:memory|mem|ram|memorij\w*|paměť\w*|pameti|paměti|memòria|memoria|arbeitsspeicher|speicher)(?:\s+(?:limit\w*|request\w*|limite|límit|zahtjev\w*))?\s*[:=]?\s*(?:(?:na|to|at|a|auf|su|de|di|of)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryNounJustBefore();

    [GeneratedRegex(@"(?<![\w])(?:requests?|request\w*|zahtjev\w*|požadav\w*|petici\w*|richiest\w*|anforderung\w*)\s*[:=]?\s*(?:(?:na|to|a|auf|su|de|di|of|od)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RequestWordJustBefore();

    /// <summary>The CPU request when stated apart from the limit: "cpu: 250m request", "request 500m cpu", "cpu request 0.25".</summary>
    private static string? CpuRequest(string text)
    {
        const string number = @"(\d+m|\d+(?:\.\d+)?)";
        const string request = @"(?:requests?|zahtjev\w*|požadav\w*|petici\w*|richiest\w*|anforderung\w*)";
        return Match(text, number + @"\s*(?:v?cpus?\s*|cores?\s*)?" + request + @"\b")
            ?? Match(text, @"\b(?:v?cpus?|cores?)\s*" + request + @"\s*[:=]?\s*" + number + @"(?![\w.])")
            ?? Match(text, request + @"\s*[:=]?\s*" + number + @"\s*(?:v?cpus?|cores?)\b");
    }

    /// <summary>The CPU count stated ("8 cpus", "16 jezgri", "half a cpu" → 500m).</summary>
    private static string? Cpu(string text)
    {
        const string unit = @"(?:v?cpus?|cores?|jezgr\w*|jader|jádr\w*|nuclis?|nuclei|kerne?)\b";
        // "1000 millicores", "500 millicpu": Kubernetes' own unit, written out.
        if (Regex.Match(text, @"(?<![\w.])(\d+)\s*(?:milli-?cores?|milli-?cpus?|millicore\w*)", I) is { Success: true } milli) return milli.Groups[1].Value + "m";
        // "half a core", "un quart de nucli", "ner viertel cpu": a fraction word, perhaps "a"/"of"/"de"/"di", then the unit.
        const string fraction = @")\s+(?:a\s+|(?:of|de|di|od)\s+(?:a\s+)?)?";
        if (Regex.Match(text, @"(?<![\w])(?:" + Vocabulary.Half + fraction + unit, I) is { Success: true }) return "500m";
        if (Regex.Match(text, @"(?<![\w])(?:" + Vocabulary.Quarter + fraction + unit, I) is { Success: true }) return "250m";
        // A number with a request word after it is the request ("250m cpu request"), not the limit.
        return Regex.Matches(text, @"(\d+(?:\.\d+)?|\d+m)\s*" + unit, I).FirstOrDefault(m => !Regex.IsMatch(text[(m.Index + m.Length)..], @"^\s*request", I))?.Groups[1].Value
            // "cap the cpu at 0.5", "setze die cpu auf 0.5", "cpu limit: 2": the number after the CPU word.
            // "límit de cpu 250m", "cpu limit 2": the number may follow the CPU word directly.
            ?? Match(text, @"(?<![\w])(?:v?cpus?|cores?)\s*(?:limit\w*)?\s*(?:(?:at|to|na|auf|a|su|de|[:=])\s*)?(\d{1,3}(?:\.\d+)?|\d+m)(?![\w.%])(?!\s*(?:%|request))");
    }

    /// <summary>Secrets to load as environment variables: "mount the secret viz-creds as env", "tajnu grafana-admin kao env varijable", "secret api-keys als Umgebungsvariablen".</summary>
    private static IReadOnlyList<string> EnvFromSecrets(string text)
    {
        if (!Vocabulary.EnvWord.IsMatch(text)) return [];
        var result = new List<string>();
        foreach (Match m in Vocabulary.SecretNoun.Matches(text))
        {
            var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s*(?:(?:named|called|imena|jménem|anomenat|chiamato|namens)\s+)?[`""']?([a-z0-9][a-z0-9.\-]*[a-z0-9])(?![\w])", I);
            if (!after.Success) continue;
            var name = after.Groups[1].Value.ToLowerInvariant();
            if (Stop.Contains(name) || Vocabulary.EnvWord.Match(name).Length == name.Length || result.Contains(name)) continue;
            result.Add(name);
        }
        return result;
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

    private static string? StorageClassOf(string text, bool sized)
    {
        if (StorageClass().Match(text) is { Success: true } after && !Stop.Contains(after.Groups[1].Value)) return after.Groups[1].Value;
        if (StorageClassBefore().Match(text) is { Success: true } before && !Stop.Contains(before.Groups[1].Value)
            && !Regex.IsMatch(before.Groups[1].Value, "^(?:default|any|some|same|which|what|right|new)$", I)) return before.Groups[1].Value;
        return sized && ProvisionerClass().Match(text) is { Success: true } named ? named.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static string? Access(string text)
    {
        var m = AccessMode().Match(text);
        if (!m.Success) return null;
        return m.Groups[1].Success ? "ReadWriteMany" : m.Groups[2].Success ? (m.Value.ToLowerInvariant().Contains("pod") ? "ReadWriteOncePod" : "ReadWriteOnce")
            : m.Groups[3].Success ? "ReadOnlyMany" : "ReadWriteOncePod";
    }

    private static int? Times(string text) =>
        Times().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture) : null;

    private static string? Backend(string text)
    {
        var service = Vocabulary.Kinds[ResourceKind.Service];
        foreach (Match m in service.Matches(text))
        {
            var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s*[`""']?([a-z][a-z0-9\-]*)", I);
            if (after.Success && !Stop.Contains(after.Groups[1].Value) && !Vocabulary.PortNoun.IsMatch(after.Groups[1].Value)) return after.Groups[1].Value.ToLowerInvariant();
        }
        return null;
    }

    private static string? Queue(string text)
    {
        var named = Match(text, @"\bqueue(?:-name)?\s*(?:named|called|:|=)?\s*[`""']([a-z0-9][a-z0-9\-]*)[`""']")
            ?? Match(text, @"\b(?:local\s?)?queue\s+(?:named|called)\s+([a-z0-9][a-z0-9\-]*)");
        if (named is not null) return named;
        var inQueue = Match(text, @"\b(?:in|on|to|via|through|into)\s+(?:the\s+|our\s+|my\s+)?([a-z0-9][a-z0-9\-]*)\s+(?:local\s?)?queue\b");
        if (inQueue is not null && !Stop.Contains(inQueue) && inQueue is not "kueue" and not "gpu") return inQueue.ToLowerInvariant();
        // "queue research", "u redu research", "ve frontě vision", "a la cua bsc", "nella coda infn", "in der Queue nlp"
        // "queue research", "kueue queue team-llm", "u redu research", "fronta nlp", "a la cua bsc", "nella coda infn", "in der Queue nlp"
        const string queueWord = @"queue|kueue|redu|red|fronta|frontě|fronte|frontu|cua|coda|warteschlange";
        foreach (Match m in Regex.Matches(text, @"(?<![\w])(?:" + queueWord + @")(?=[\s():]+[`""']?([a-z][a-z0-9\-]*))", I))
        {
            var after = m.Groups[1].Value.ToLowerInvariant();
            if (!Stop.Contains(after) && after is not "label" and not "name" && !Regex.IsMatch(after, "^(?:" + queueWord + ")$", I)) return after;
        }
        return Regex.IsMatch(text, @"\b(kueue|queue)\b", I) ? "default" : null;
    }

    private static IReadOnlyList<string> Command(string text)
    {
        var quoted = Match(text, @"\b(?:runs?|running|command|executes?|executing|that runs|with command)\s*:?\s*`([^`]+)`")
            ?? Match(text, @"\b(?:runs?|running|command|executes?|executing)\s*:?\s*""([^""]+)""")
            ?? Match(text, @"(?<![\w])(?:" + Vocabulary.CommandWord + @")\s*:?\s*[`""]([^`""\n]+)[`""]");
        // A requirement line "command: find /scratch -mtime +7 -delete" (a bullet, a table row): the rest of the line, as written.
        var line = quoted ?? Match(text, @"(?m)^[ \t]*(?:[-*•][ \t]*)?(?:" + Vocabulary.CommandWord + @")[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*\r?$");
        var bare = line ?? Match(text, @"\b(?:runs?|running|executes?)\s+((?:python3?|bash|sh|torchrun|accelerate|node|java|deepspeed)\s+[^,;]+?)(?=\s*(?:,|;|$|\bwith\b|\bin the\b|\bon\b|\bevery\b|\bat\b))");
        if (bare is not null)
            return bare.IndexOfAny(['|', '&', ';', '>', '<', '$', '*']) >= 0 ? ["/bin/sh", "-c", bare] : bare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Script().Match(text) is not { Success: true } script) return [];
        var file = script.Groups[1].Value;
        return file.EndsWith(".py", StringComparison.Ordinal) ? ["python", file] : file.EndsWith(".sh", StringComparison.Ordinal) ? ["/bin/sh", file] : [];
    }

    private static Dictionary<string, string> Pairs(string text, bool upperOnly)
    {
        var pattern = upperOnly ? @"\b([A-Z][A-Z0-9_]*)=(""[^""]*""|'[^']*'|[^\s,;]+)" : @"\b([A-Za-z_][\w.\-]*)=(""[^""]*""|'[^']*'|[^\s,;]+)";
        var pairs = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(text, pattern))
            // An unquoted value ends before the full stop of its sentence ("add env LOG_LEVEL=debug.").
            pairs[m.Groups[1].Value] = m.Groups[2].Value[0] is '"' or '\'' ? m.Groups[2].Value.Trim('"', '\'') : m.Groups[2].Value.TrimEnd('.');
        return pairs;
    }

    private static bool InsideMigProfile(string text, int index) =>
        MigProfile().Matches(text).Any(m => index >= m.Index && index < m.Index + m.Length);

    private static bool GpuModelBefore(string text, int index) => GpuModel().IsMatch(Before(text, index, 6));

    private static string Before(string text, int index, int chars) => text[Math.Max(0, index - chars)..index];

    private static string FirstWords(string text, int count) => string.Join(' ', Regex.Matches(text, @"[\p{L}\d]+").Take(count).Select(m => m.Value));

    private static string? Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, I);
        return m.Success ? m.Groups[1].Value : null;
    }
}
