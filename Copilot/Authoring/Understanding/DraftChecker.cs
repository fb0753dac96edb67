using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Wording;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A stated requirement the draft does not carry.</summary>
/// <param name="Slot">Which requirement ("replicas", "storage size"...).</param>
/// <param name="Stated">What the request stated.</param>
/// <param name="Found">What the draft has instead (or "nothing").</param>
public sealed record UnhonouredSlot(string Slot, string Stated, string Found)
{
    /// <summary>The line in <paramref name="language"/>: the requirement's name and the checker's words translated, values as they are.</summary>
    public string In(string language) => Texts.Say(language, "answer.unhonoured", Texts.Find(language, "slot." + Slot) ?? Slot, Word(language, Stated), Word(language, Found));

    /// <inheritdoc />
    public override string ToString() => In("en");

    private static string Word(string language, string value) => Texts.Find(language, "word." + value) ?? value;
}

/// <summary>
/// Compares a drafted manifest (from the rule-based drafter or a model) with the requirements the
/// request stated, before the answer is given: whatever is missing is named in the answer rather
/// than silently replaced by a default.
/// </summary>
public static class DraftChecker
{
    /// <summary>The stated requirements <paramref name="yaml"/> does not carry; empty when it honours them all.</summary>
    public static IReadOnlyList<UnhonouredSlot> Check(RequestSlots slots, string yaml)
    {
        var missing = new List<UnhonouredSlot>();
        List<YamlMappingNode> docs;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            docs = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return [new UnhonouredSlot("manifest", "valid YAML", "YAML that does not parse")];
        }
        void Expect(string slot, object? stated, bool ok, string found) { if (stated is not null && !ok) missing.Add(new(slot, stated.ToString()!, found)); }

        // A kind the drafter cannot draft is named, whatever was drafted beside it as the nearest it can.
        if (slots.NotDrafted is { } other) missing.Add(new UnhonouredSlot("kind", other, docs.Count == 0 ? "nothing" : string.Join(", ", docs.Select(d => d.Str("kind")))));
        var kind = slots.Kind.ToString();
        var main = docs.FirstOrDefault(d => d.Str("kind") == kind);
        Expect("kind", kind, main is not null, string.Join(", ", docs.Select(d => d.Str("kind"))));
        if (main is null) return missing;
        var spec = main.Map("spec");
        var pod = WorkloadShape.PodSpecPath(kind) is { } path ? path.Aggregate((YamlMappingNode?)main, (n, k) => n?.Map(k)) : null;
        var containers = pod?.Seq("containers")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        var services = docs.Where(d => d.Str("kind") == "Service").ToList();
        var servicePorts = services.SelectMany(s => s.Map("spec")?.Seq("ports")?.Children.OfType<YamlMappingNode>() ?? []).ToList();

        var labels = main.Map("metadata")?.Map("labels");
        foreach (var (key, value) in slots.Labels) Expect("label", $"{key}={value}", labels?.Str(key) == value, labels?.Str(key) ?? "none");
        Expect("name", slots.Name, main.Map("metadata")?.Str("name") == slots.Name, main.Map("metadata")?.Str("name") ?? "nothing");
        if (kind is "Deployment" or "StatefulSet")
            Expect("replicas", slots.Replicas, spec?.Str("replicas") == slots.Replicas?.ToString(), spec?.Str("replicas") ?? "nothing");
        Expect("storage size", slots.StorageSize, yaml.Contains("storage: " + slots.StorageSize), "another size");
        Expect("storage class", slots.StorageClass, yaml.Contains("storageClassName: " + slots.StorageClass), "the cluster default");
        Expect("access mode", slots.AccessMode, yaml.Contains("- " + slots.AccessMode), "ReadWriteOnce");
        if (kind == "CronJob")
        {
            Expect("schedule", slots.Schedule, spec?.Str("schedule") == slots.Schedule, spec?.Str("schedule") ?? "nothing");
            Expect("timeZone", slots.TimeZone, spec?.Str("timeZone") == slots.TimeZone, spec?.Str("timeZone") ?? "the controller's zone");
            Expect("concurrencyPolicy", slots.ConcurrencyPolicy, spec?.Str("concurrencyPolicy") == slots.ConcurrencyPolicy, spec?.Str("concurrencyPolicy") ?? "Allow");
            Expect("successfulJobsHistoryLimit", slots.SuccessfulJobsHistoryLimit, spec?.Str("successfulJobsHistoryLimit") == slots.SuccessfulJobsHistoryLimit?.ToString(), spec?.Str("successfulJobsHistoryLimit") ?? "3");
        }
        var jobSpec = kind == "CronJob" ? spec?.Map("jobTemplate")?.Map("spec") : kind == "Job" ? spec : null;
        if (slots.JobRun is { } run && jobSpec is not null)
        {
            Expect("parallelism", run.Parallelism, jobSpec.Str("parallelism") == run.Parallelism?.ToString(), jobSpec.Str("parallelism") ?? "1");
            Expect("completions", run.Completions, jobSpec.Str("completions") == run.Completions?.ToString(), jobSpec.Str("completions") ?? "1");
            Expect("backoffLimit", run.BackoffLimit, jobSpec.Str("backoffLimit") == run.BackoffLimit?.ToString(), jobSpec.Str("backoffLimit") ?? "6");
            Expect("ttlSecondsAfterFinished", run.TtlSeconds, jobSpec.Str("ttlSecondsAfterFinished") == run.TtlSeconds?.ToString(), jobSpec.Str("ttlSecondsAfterFinished") ?? "none");
            Expect("activeDeadlineSeconds", run.DeadlineSeconds, jobSpec.Str("activeDeadlineSeconds") == run.DeadlineSeconds?.ToString(), jobSpec.Str("activeDeadlineSeconds") ?? "none");
        }
        if (containers.Count > 0)
        {
            var ports = containers.SelectMany(c => c.Seq("ports")?.Children.OfType<YamlMappingNode>() ?? []).Select(p => p.Str("containerPort")).ToList();
            foreach (var p in slots.ContainerPorts) Expect("port", p, ports.Contains(p.ToString()), ports.Count == 0 ? "no port" : string.Join(", ", ports));
            var image = containers[0].Str("image") ?? "";
            if (slots.Image is { } stated)
                Expect("image", stated, ImageReference.Parse(image).CanonicalRepository == ImageReference.Parse(stated).CanonicalRepository
                    && (!ImageReference.Parse(stated).IsPinned || image == stated), image);
            else if (slots.ImageWord is { } word)
                Expect("image", word, ImageReference.Parse(image).CanonicalRepository == ImageReference.Parse(word).CanonicalRepository, image);
            if (slots.Gpu is { } gpu)
            {
                var limits = containers[0].Map("resources")?.Map("limits");
                var key = limits?.Children.Keys.Select(k => k.ToString()).FirstOrDefault(k => k.StartsWith("nvidia.com/", StringComparison.Ordinal));
                var wanted = gpu.WantsMig ? $"nvidia.com/mig-{gpu.MigProfile ?? "*"}" : ResourceNames.Gpu;
                var ok = key is not null && (gpu.WantsMig ? key.StartsWith("nvidia.com/mig-", StringComparison.Ordinal) && (gpu.MigProfile is null || key.EndsWith(gpu.MigProfile, StringComparison.Ordinal)) : key == ResourceNames.Gpu);
                Expect("GPU", $"{gpu.Count} × {wanted}", ok && limits!.Str(key!) == gpu.Count.ToString(), key is null ? "no GPU" : $"{limits!.Str(key)} × {key}");
            }
            var claims = pod?.Seq("volumes")?.Children.OfType<YamlMappingNode>().Select(v => v.Map("persistentVolumeClaim")?.Str("claimName")).ToList() ?? [];
            var mounts = containers[0].Seq("volumeMounts")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            foreach (var claim in slots.Claims)
            {
                Expect("volume claim", claim.Name, claims.Contains(claim.Name), claims.Count == 0 ? "no claim" : string.Join(", ", claims));
                if (claim.MountPath is { } at)
                    Expect("mount", $"{claim.Name} → {at}", mounts.Any(m => m.Str("name") == claim.Name && m.Str("mountPath") == at), "another path");
            }
            var limits0 = containers[0].Map("resources")?.Map("limits");
            Expect("CPU limit", slots.Cpu, limits0?.Str("cpu") == slots.Cpu, limits0?.Str("cpu") ?? "none");
            Expect("memory limit", slots.Memory, limits0?.Str("memory") == slots.Memory, limits0?.Str("memory") ?? "none");
            var requests0 = containers[0].Map("resources")?.Map("requests");
            Expect("CPU request", slots.CpuRequest, requests0?.Str("cpu") == slots.CpuRequest, requests0?.Str("cpu") ?? "none");
            Expect("memory request", slots.MemoryRequest, requests0?.Str("memory") == slots.MemoryRequest, requests0?.Str("memory") ?? "none");
            var args = containers[0].Seq("args")?.Children.Select(a => a.ToString()).ToList() ?? [];
            if (slots.Args.Count > 0) Expect("args", string.Join(' ', slots.Args), args.SequenceEqual(slots.Args), args.Count == 0 ? "none" : string.Join(' ', args));
            if (slots.Gpu is { WantsMig: false, Model: { } model } && GpuProducts.Of(model).Count > 0)
            {
                var terms = pod?.Map("affinity")?.Map("nodeAffinity")?.Map("requiredDuringSchedulingIgnoredDuringExecution")?.Seq("nodeSelectorTerms")?.Children
                    .OfType<YamlMappingNode>().SelectMany(t => t.Seq("matchExpressions")?.Children.OfType<YamlMappingNode>() ?? []) ?? [];
                Expect("GPU model", model.ToUpperInvariant(),
                    terms.Any(e => e.Str("key") == GpuProducts.Label && e.Seq("values")?.Children.Any(v => v.ToString().Contains(model, StringComparison.OrdinalIgnoreCase)) == true)
                    || pod?.Map("nodeSelector")?.Str(GpuProducts.Label)?.Contains(model, StringComparison.OrdinalIgnoreCase) == true, "any node");
            }
            var envFrom = containers[0].Seq("envFrom")?.Children.OfType<YamlMappingNode>().Select(e => e.Map("secretRef")?.Str("name")).ToList() ?? [];
            foreach (var secret in slots.EnvFromSecrets) Expect("Secret as env", secret, envFrom.Contains(secret), envFrom.Count == 0 ? "none" : string.Join(", ", envFrom));
            if (slots.JobNodes is { } nodes && kind == "Job")
                Expect("nodes", nodes, spec?.Str("completions") == nodes.ToString() && spec?.Str("completionMode") == "Indexed", spec?.Str("completions") ?? "one pod");
            var shm = pod?.Seq("volumes")?.Children.OfType<YamlMappingNode>().FirstOrDefault(v => v.Map("emptyDir")?.Str("medium") == "Memory")?.Map("emptyDir")?.Str("sizeLimit");
            Expect("/dev/shm", slots.ShmSize, shm == slots.ShmSize, shm ?? "the default 64Mi");
            if (slots.InitContainer) Expect("init container", "an init container", pod?.Seq("initContainers")?.Children.Count > 0, "none");
            var images = containers.Skip(1).Select(c => c.Str("image")).ToList();
            foreach (var sidecar in slots.Sidecars) Expect("sidecar", sidecar, images.Contains(sidecar), images.Count == 0 ? "none" : string.Join(", ", images));
            var selector = pod?.Map("nodeSelector");
            foreach (var (key, value) in slots.NodeSelector) Expect("nodeSelector", $"{key}={value}", selector?.Str(key) == value, selector?.Str(key) ?? "any node");
            var tolerated = pod?.Seq("tolerations")?.Children.OfType<YamlMappingNode>().Select(t => t.Str("key")).ToList() ?? [];
            foreach (var t in slots.Tolerations) Expect("toleration", t.Key, tolerated.Contains(t.Key), tolerated.Count == 0 ? "none" : string.Join(", ", tolerated));
            var env = containers[0].Seq("env")?.Children.OfType<YamlMappingNode>().ToDictionary(e => e.Str("name") ?? "", e => e.Str("value")) ?? [];
            foreach (var (k, v) in slots.Env) Expect("env", $"{k}={v}", env.GetValueOrDefault(k) == v, env.GetValueOrDefault(k) is { } found ? $"{k}={found}" : "nothing");
        }
        var ingressPort = kind == "Ingress" ? spec?.Seq("rules")?.Children.OfType<YamlMappingNode>().FirstOrDefault()?.Map("http")?.Seq("paths")?.Children
            .OfType<YamlMappingNode>().FirstOrDefault()?.Map("backend")?.Map("service")?.Map("port")?.Str("number") : null;
        if (slots.WantsService || kind == "Service")
            Expect("Service", "a Service", services.Count > 0, "none");
        var serviceSelector = services.FirstOrDefault()?.Map("spec")?.Map("selector");
        foreach (var (key, value) in slots.Selector) Expect("selector", $"{key}={value}", serviceSelector?.Str(key) == value, serviceSelector?.Str(key) ?? "none");
        Expect("Service port", slots.ServicePort, ingressPort == slots.ServicePort?.ToString() || servicePorts.Any(p => p.Str("port") == slots.ServicePort?.ToString()),
            string.Join(", ", servicePorts.Select(p => p.Str("port"))));
        Expect("nodePort", slots.NodePort, servicePorts.Any(p => p.Str("nodePort") == slots.NodePort?.ToString()), "none (the cluster picks one)");
        Expect("Service type", slots.ServiceType, services.Any(s => s.Map("spec")?.Str("type") == slots.ServiceType), "ClusterIP");
        if (slots.WantsIngress) Expect("Ingress", "an Ingress", docs.Any(d => d.Str("kind") == "Ingress"), "none");
        if (slots.Autoscaling is { } scaling && kind != "HorizontalPodAutoscaler")
            Expect("autoscaler", $"{scaling.Min?.ToString() ?? "?"}–{scaling.Max?.ToString() ?? "?"}", docs.Any(d => d.Str("kind") == "HorizontalPodAutoscaler"), "none");
        if (kind == "Ingress" || slots.WantsIngress) Expect("host", slots.Host, yaml.Contains("host: " + slots.Host), "no host");
        if (slots.TlsSecret is { Length: > 0 } tls && (kind == "Ingress" || slots.WantsIngress))
            Expect("TLS Secret", tls, docs.Any(d => d.Str("kind") == "Ingress" && d.Map("spec")?.Seq("tls")?.Children.OfType<YamlMappingNode>().Any(t => t.Str("secretName") == tls) == true), "no TLS");
        foreach (var file in slots.Files.Keys) Expect("file", file, kind == "ConfigMap" && main.Map("data")?.Str(file) is not null, "none");
        if (kind == "ServiceAccount")
        {
            var granted = docs.Where(d => d.Str("kind") == "Role").SelectMany(r => r.Seq("rules")?.Children.OfType<YamlMappingNode>() ?? []).ToList();
            Expect("Role", "a Role and RoleBinding", granted.Count > 0 && docs.Any(d => d.Str("kind") == "RoleBinding"), "none");
            foreach (var resource in slots.Access?.Resources ?? [])
                Expect("Role", resource, granted.Any(r => r.Seq("resources")?.Children.Any(x => x.ToString() == resource) == true), "not granted");
            foreach (var verb in slots.Access?.Verbs ?? [])
                Expect("Role", verb, granted.Any(r => r.Seq("verbs")?.Children.Any(x => x.ToString() == verb) == true), "not granted");
        }
        if (kind == "RoleBinding" && slots.Binding is { } binding)
        {
            var roleRef = main.Map("roleRef");
            Expect("roleRef", $"{binding.RoleKind} {binding.Role}", roleRef?.Str("kind") == binding.RoleKind && roleRef?.Str("name") == binding.Role, $"{roleRef?.Str("kind")} {roleRef?.Str("name")}");
            var subjects = main.Seq("subjects")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            Expect("subject", $"{binding.SubjectKind} {binding.Subject}", subjects.Any(s => s.Str("kind") == binding.SubjectKind && s.Str("name") == binding.Subject),
                subjects.Count == 0 ? "none" : string.Join(", ", subjects.Select(s => $"{s.Str("kind")} {s.Str("name")}")));
        }
        if (kind == "PodDisruptionBudget" && slots.Disruption is { } budget)
        {
            Expect("PodDisruptionBudget", "minAvailable " + budget.MinAvailable, budget.MinAvailable is null || spec?.Str("minAvailable") == budget.MinAvailable, spec?.Str("minAvailable") ?? "none");
            Expect("PodDisruptionBudget", "maxUnavailable " + budget.MaxUnavailable, budget.MaxUnavailable is null || spec?.Str("maxUnavailable") == budget.MaxUnavailable, spec?.Str("maxUnavailable") ?? "none");
        }
        return missing;
    }
}
