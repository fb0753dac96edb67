using System.Globalization;
using Collab.Copilot.Authoring.Understanding;
using Collab.Copilot.Authoring.Wording;
using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>The pasted manifest with the stated changes applied, and each change as a sentence.</summary>
/// <param name="Yaml">The edited YAML (the paste unchanged when nothing applied).</param>
/// <param name="Changes">What was changed, one note per change; empty when the request stated nothing to change.</param>
public sealed record ManifestEdit(string Yaml, IReadOnlyList<Note> Changes);

/// <summary>
/// Applies what a request states to the manifest pasted with it ("add a gpu to this", "3 replicas",
/// "limit 4 cpus and 16gb", "pvc datasets na /data", "LOG_LEVEL=debug", "la cua team-a", "remove the
/// limits", "rename it to trainer-v2", "the second container to busybox:1.36") instead of drafting a
/// new one: the pasted resources keep their kind, name, image and every field not asked about. The
/// change goes to the document the words point at (by kind, "the pvc", or by name), else the first
/// workload; inside it, to the container the words point at (by name, by position, "the sidecar"),
/// else the first. A paste with nothing the words apply to is returned unchanged.
/// </summary>
public static class ManifestEditor
{
    private const string QueueLabel = "kueue.x-k8s.io/queue-name";

    public static ManifestEdit Apply(string yaml, RequestSlots slots)
    {
        var documents = YamlDocumentText.Split(yaml);
        var roots = documents.Select(Parse).ToList();
        var changes = new List<Note>();
        var edited = new HashSet<int>();
        var change = slots.Change;

        // A size stated about a pasted claim ("zvětši pvc na 100Gi") resizes that claim.
        // A paste with no pod has no memory to size: a size the words read as memory ("zvětši to na 100 Gi") is the claim's too.
        var claim = Target(roots, change, r => r.Str("kind") == "PersistentVolumeClaim");
        var podless = Target(roots, change, r => PodSpec(r) is not null) < 0;
        if ((slots.StorageSize ?? (podless ? slots.Memory : null)) is { } size && claim >= 0 && (change.Kinds.Contains(ResourceKind.PersistentVolumeClaim) || podless))
        {
            var requests = roots[claim]!.EnsureMap("spec").EnsureMap("resources").EnsureMap("requests");
            if (requests.Str("storage") != size)
            {
                requests.Set("storage", size);
                changes.Add(new Note("edit.storage", size));
                edited.Add(claim);
            }
        }

        var target = Target(roots, change, r => PodSpec(r) is not null);
        if (target >= 0 && Container(PodSpec(roots[target]!)!, roots[target]!, change) is { } container)
        {
            var root = roots[target]!;
            var pod = PodSpec(root)!;
            var before = changes.Count;
            EditWorkload(root, slots, changes);
            Remove(container, change, changes);
            EditImage(container, slots, changes);
            EditResources(container, slots, changes);
            EditPorts(root, container, slots, changes);
            EditVolumes(pod, container, slots, changes);
            EditEnvironment(container, slots, changes);
            EditTolerations(pod, slots, changes);
            EditSidecars(pod, slots, changes);
            EditLabels(root, slots, changes);
            if (changes.Count > before) edited.Add(target);
        }

        if (change.NewName is { } name)
        {
            var renamed = Target(roots, change, r => r.Map("metadata") is not null, preferWorkload: true);
            if (renamed >= 0 && roots[renamed]!.Map("metadata")!.Str("name") is var old && old != name)
            {
                roots[renamed]!.EnsureMap("metadata").Set("name", name);
                changes.Add(new Note("edit.renamed", old ?? "", name));
                edited.Add(renamed);
            }
        }

        if (changes.Count == 0) return new ManifestEdit(yaml, []);
        var texts = documents.Select((d, i) => edited.Contains(i) ? ManifestWriter.Write(roots[i]!) : d.Text);
        return new ManifestEdit(ManifestWriter.Join(texts), changes);
    }

    /// <summary>
    /// The document a change goes to, among those <paramref name="fits"/>: one of a kind the words name,
    /// then one whose name the words use, then (with <paramref name="preferWorkload"/>) the first
    /// workload, then the first; -1 when none fits.
    /// </summary>
    private static int Target(List<YamlMappingNode?> roots, ChangeSlots change, Func<YamlMappingNode, bool> fits, bool preferWorkload = false)
    {
        var candidates = roots.Select((r, i) => (Root: r, Index: i)).Where(c => c.Root is not null && fits(c.Root)).ToList();
        if (candidates.Count == 0) return -1;
        var ofKind = candidates.Where(c => change.Kinds.Any(k => k.ToString() == c.Root!.Str("kind"))).ToList();
        if (ofKind.Count > 0) candidates = ofKind;
        var named = candidates.Where(c => change.Names.Contains(c.Root!.Map("metadata")?.Str("name") ?? "")).ToList();
        if (named.Count > 0) candidates = named;
        if (preferWorkload && candidates.FirstOrDefault(c => PodSpec(c.Root!) is not null) is { Root: not null } workload) return workload.Index;
        return candidates[0].Index;
    }

    /// <summary>
    /// The container the words point at: by position ("the second container"), by name (a container's
    /// name among the words, the pod's own name counting last), "the sidecar" (the last container of
    /// several), else the first.
    /// </summary>
    private static YamlMappingNode? Container(YamlMappingNode pod, YamlMappingNode root, ChangeSlots change)
    {
        var containers = pod.Seq("containers")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        if (containers.Count == 0) return null;
        if (change.ContainerOrdinal is { } position)
            return position == -1 ? containers[^1] : containers.ElementAtOrDefault(position - 1) ?? containers[0];
        if (containers.Count == 1) return containers[0];
        var workload = root.Map("metadata")?.Str("name");
        var named = containers.Where(c => change.Names.Contains(c.Str("name") ?? "")).OrderBy(c => c.Str("name") == workload).FirstOrDefault();
        if (named is not null) return named;
        return change.Sidecar ? containers[^1] : containers[0];
    }

    /// <summary>Takes out what the words ask to remove; GPU limits stay unless the GPU itself is removed.</summary>
    private static void Remove(YamlMappingNode container, ChangeSlots change, List<Note> changes)
    {
        foreach (var removal in change.Removals.Distinct())
        {
            var removed = removal switch
            {
                Removal.Limits => RemoveResources(container, "limits", "cpu", "memory"),
                Removal.CpuLimit => RemoveResources(container, "limits", "cpu"),
                Removal.MemoryLimit => RemoveResources(container, "limits", "memory"),
                Removal.Requests => RemoveResources(container, "requests", "cpu", "memory"),
                Removal.CpuRequest => RemoveResources(container, "requests", "cpu"),
                Removal.MemoryRequest => RemoveResources(container, "requests", "memory"),
                Removal.Gpu => RemoveGpus(container),
                Removal.LivenessProbe => container.Remove("livenessProbe") ? "livenessProbe" : null,
                Removal.ReadinessProbe => container.Remove("readinessProbe") ? "readinessProbe" : null,
                Removal.StartupProbe => container.Remove("startupProbe") ? "startupProbe" : null,
                _ => null,
            };
            if (removed is not null) changes.Add(new Note("edit.removed", removed));
        }
        if (container.Seq("env") is { } env)
            foreach (var name in change.EnvToRemove)
                if (env.Children.OfType<YamlMappingNode>().FirstOrDefault(e => e.Str("name") == name) is { } entry)
                {
                    env.Children.Remove(entry);
                    changes.Add(new Note("edit.removed", "env " + name));
                }
        if (container.Seq("env") is { Children.Count: 0 }) container.Remove("env");
    }

    /// <summary>Removes the named quantities from limits or requests (the map itself when it is left empty); the removed paths, or null.</summary>
    private static string? RemoveResources(YamlMappingNode container, string section, params string[] keys)
    {
        if (container.Map("resources") is not { } resources || resources.Map(section) is not { } map) return null;
        var removed = keys.Where(map.Remove).Select(k => $"resources.{section}.{k}").ToList();
        if (map.Children.Count == 0) resources.Remove(section);
        if (resources.Children.Count == 0) container.Remove("resources");
        return removed.Count == 0 ? null : string.Join(", ", removed);
    }

    private static string? RemoveGpus(YamlMappingNode container)
    {
        var keys = new[] { "limits", "requests" }.Select(s => container.Map("resources")?.Map(s)).OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Keys.Select(k => k.ToString()).Where(k => k.StartsWith("nvidia.com/", StringComparison.Ordinal))).Distinct().ToList();
        if (keys.Count == 0) return null;
        foreach (var section in new[] { "limits", "requests" })
            foreach (var key in keys) RemoveResources(container, section, key);
        return string.Join(", ", keys);
    }

    /// <summary>A stated image that differs from the container's replaces it ("the second container to busybox:1.36").</summary>
    private static void EditImage(YamlMappingNode container, RequestSlots slots, List<Note> changes)
    {
        if (slots.Image is not { } image || container.Str("image") == image) return;
        var old = container.Str("image") ?? "";
        container.Set("image", image);
        changes.Add(new Note("edit.image", old, image));
    }

    private static void EditWorkload(YamlMappingNode root, RequestSlots slots, List<Note> changes)
    {
        var kind = root.Str("kind");
        if (slots.Replicas is { } replicas && kind is "Deployment" or "StatefulSet" or "ReplicaSet" && root.Map("spec")?.Str("replicas") != Number(replicas))
        {
            root.EnsureMap("spec").Set("replicas", Number(replicas));
            changes.Add(new Note("edit.replicas", Number(replicas)));
        }
        if (slots.Schedule is { } schedule && kind == "CronJob" && root.Map("spec")?.Str("schedule") != schedule)
        {
            root.EnsureMap("spec").Set("schedule", schedule, quoted: true);
            changes.Add(new Note("edit.schedule", schedule));
        }
        if (slots.Queue is { } queue && kind is "Job" or "CronJob" or "JobSet" or "RayJob" or "PyTorchJob")
        {
            var metadata = kind == "CronJob" ? root.EnsureMap("spec").EnsureMap("jobTemplate").EnsureMap("metadata") : root.EnsureMap("metadata");
            if (metadata.Map("labels")?.Str(QueueLabel) != queue)
            {
                metadata.EnsureMap("labels").Set(QueueLabel, queue);
                changes.Add(new Note("edit.queue", queue));
            }
        }
    }

    private static void EditResources(YamlMappingNode container, RequestSlots slots, List<Note> changes)
    {
        if (slots.Gpu is { } gpu)
        {
            var resource = gpu.WantsMig && gpu.MigProfile is { } profile ? $"nvidia.com/mig-{profile}" : "nvidia.com/gpu";
            var count = Number(gpu.Count);
            var resources = container.EnsureMap("resources");
            // A MIG slice instead of a whole GPU (or the other way round) replaces the GPU resource, it does not add a second one.
            var replaced = new[] { "limits", "requests" }.Select(resources.Map).OfType<YamlMappingNode>()
                .SelectMany(section => section.Children.Keys.Select(k => (section, key: k.ToString())))
                .Where(x => x.key != resource && (x.key == "nvidia.com/gpu" || x.key.StartsWith("nvidia.com/mig-", StringComparison.Ordinal))).ToList();
            foreach (var (section, key) in replaced) section.Children.Remove(key);
            if (resources.Map("limits")?.Str(resource) != count)
            {
                resources.EnsureMap("limits").Set(resource, count);
                // An extended resource's request, when written, must equal its limit.
                if (resources.Map("requests")?.Get(resource) is not null) resources.EnsureMap("requests").Set(resource, count);
                changes.Add(new Note("edit.gpu", count, resource));
            }
        }
        SetLimit(container, "cpu", slots.Cpu, "edit.cpu", changes);
        SetLimit(container, "memory", slots.Memory, "edit.memory", changes);
        SetRequest(container, "cpu", slots.CpuRequest, changes);
        SetRequest(container, "memory", slots.MemoryRequest, changes);
    }

    /// <summary>Sets a request stated apart from the limit ("request na 3Gi").</summary>
    private static void SetRequest(YamlMappingNode container, string resource, string? value, List<Note> changes)
    {
        if (value is null) return;
        var requests = container.EnsureMap("resources").EnsureMap("requests");
        if (requests.Str(resource) == value) return;
        requests.Set(resource, value);
        changes.Add(new Note("edit.request", resource, value));
    }

    /// <summary>
    /// Adds each sidecar named whose image no container runs yet ("dodaj sidecar nginx:1.27"). A container that runs the same
    /// repository at another tag ("den Container sidecar auf envoyproxy/envoy:v1.30.2 heben") is that sidecar, moved to the tag.
    /// </summary>
    private static void EditSidecars(YamlMappingNode pod, RequestSlots slots, List<Note> changes)
    {
        var containers = pod.EnsureSeq("containers");
        foreach (var image in slots.Sidecars)
        {
            if (containers.Children.OfType<YamlMappingNode>().Any(c => c.Str("image") == image)) continue;
            var repository = ImageReference.Parse(image).Repository;
            if (containers.Children.OfType<YamlMappingNode>().FirstOrDefault(c => c.Str("image") is { } run && ImageReference.Parse(run).Repository == repository) is { } same)
            {
                changes.Add(new Note("edit.image", same.Str("image")!, image));
                same.Set("image", image);
                continue;
            }
            containers.Add(ManifestRenderer.Helper(ImageReference.Parse(image).ShortName, image, null));
            changes.Add(new Note("edit.sidecar", image));
        }
    }

    private static void EditLabels(YamlMappingNode root, RequestSlots slots, List<Note> changes)
    {
        foreach (var (key, value) in slots.Labels)
        {
            var labels = root.EnsureMap("metadata").EnsureMap("labels");
            if (labels.Str(key) == value) continue;
            labels.Set(key, value);
            changes.Add(new Note("edit.label", $"{key}={value}"));
        }
    }

    /// <summary>Adds the tolerations the words state that the pod does not have yet.</summary>
    private static void EditTolerations(YamlMappingNode pod, RequestSlots slots, List<Note> changes)
    {
        foreach (var t in slots.Tolerations)
        {
            var existing = pod.Seq("tolerations")?.Children.OfType<YamlMappingNode>().Any(x => x.Str("key") == t.Key) == true;
            if (existing) continue;
            var toleration = new YamlMappingNode { { "key", t.Key }, { "operator", t.Value is null ? "Exists" : "Equal" } };
            if (t.Value is not null) toleration.Add("value", t.Value);
            if (t.Effect is not null) toleration.Add("effect", t.Effect);
            pod.EnsureSeq("tolerations").Add(toleration);
            changes.Add(new Note("edit.toleration", t.Key + (t.Value is null ? "" : "=" + t.Value) + (t.Effect is null ? "" : ":" + t.Effect)));
        }
    }

    /// <summary>Sets a limit; a request above the new limit (or none at all) becomes the limit, since a request may not exceed it.</summary>
    private static void SetLimit(YamlMappingNode container, string resource, string? value, string noteKey, List<Note> changes)
    {
        if (value is null) return;
        var resources = container.EnsureMap("resources");
        if (resources.Map("limits")?.Str(resource) == value) return;
        resources.EnsureMap("limits").Set(resource, value);
        if (resources.Map("requests")?.Get(resource) is null) resources.EnsureMap("requests").Set(resource, value);
        else if (Amount(resources.Map("requests")!.Str(resource)) > Amount(value))
            resources.EnsureMap("requests").Set(resource, value);
        changes.Add(new Note(noteKey, value));
    }

    /// <summary>
    /// A stated port the container does not declare: with one declared port it replaces that port
    /// ("on 9090 instead of 8080"), probes and the pod's own references following, unless the words add
    /// it ("add port 9090 for metrics"); otherwise it is added.
    /// </summary>
    private static void EditPorts(YamlMappingNode root, YamlMappingNode container, RequestSlots slots, List<Note> changes)
    {
        var declared = container.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        var declaredNumbers = declared.Select(p => p.Str("containerPort")).ToHashSet();
        var added = slots.ContainerPorts.Select(Number).Where(p => !declaredNumbers.Contains(p)).Distinct().ToList();
        if (added.Count == 0) return;
        if (added.Count == 1 && declared.Count == 1 && !slots.Change.Adding)
        {
            var old = declared[0].Str("containerPort")!;
            declared[0].Set("containerPort", added[0]);
            foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" }.Select(container.Map).OfType<YamlMappingNode>())
                foreach (var handler in new[] { "httpGet", "tcpSocket", "grpc" }.Select(probe.Map).OfType<YamlMappingNode>())
                    if (handler.Str("port") == old) handler.Set("port", added[0]);
            changes.Add(new Note("edit.port-replaced", old, added[0]));
            return;
        }
        foreach (var port in added)
        {
            container.EnsureSeq("ports").Add(new YamlMappingNode { { "containerPort", port } });
            changes.Add(new Note("edit.port", port));
        }
    }

    private static void EditVolumes(YamlMappingNode pod, YamlMappingNode container, RequestSlots slots, List<Note> changes)
    {
        foreach (var claim in slots.Claims)
        {
            var mountPath = claim.MountPath ?? slots.MountPath;
            var volumes = pod.EnsureSeq("volumes");
            var volume = volumes.Children.OfType<YamlMappingNode>().FirstOrDefault(v => v.Map("persistentVolumeClaim")?.Str("claimName") == claim.Name);
            var volumeName = volume?.Str("name") ?? claim.Name;
            if (volume is null)
            {
                volumes.Add(new YamlMappingNode
                {
                    { "name", volumeName },
                    { "persistentVolumeClaim", new YamlMappingNode { { "claimName", claim.Name } } },
                });
            }
            if (mountPath is null)
            {
                if (volume is null) changes.Add(new Note("edit.claim-unmounted", claim.Name));
                continue;
            }
            var mounts = container.EnsureSeq("volumeMounts");
            if (mounts.Children.OfType<YamlMappingNode>().Any(m => m.Str("name") == volumeName && m.Str("mountPath") == mountPath)) continue;
            mounts.Add(new YamlMappingNode { { "name", volumeName }, { "mountPath", mountPath } });
            changes.Add(new Note("edit.claim", claim.Name, mountPath));
        }
    }

    private static void EditEnvironment(YamlMappingNode container, RequestSlots slots, List<Note> changes)
    {
        foreach (var (name, value) in slots.Env)
        {
            var env = container.EnsureSeq("env");
            var existing = env.Children.OfType<YamlMappingNode>().FirstOrDefault(e => e.Str("name") == name);
            if (existing?.Str("value") == value) continue;
            if (existing is null) env.Add(new YamlMappingNode { { "name", name }, { "value", YamlTree.Scalar(value, quoted: NeedsQuotes(value)) } });
            else existing.Set("value", value, quoted: NeedsQuotes(value));
            changes.Add(new Note("edit.env", name, value));
        }
        foreach (var secret in slots.EnvFromSecrets)
        {
            var envFrom = container.EnsureSeq("envFrom");
            if (envFrom.Children.OfType<YamlMappingNode>().Any(e => e.Map("secretRef")?.Str("name") == secret)) continue;
            envFrom.Add(new YamlMappingNode { { "secretRef", new YamlMappingNode { { "name", secret } } } });
            changes.Add(new Note("edit.secret-env", secret));
        }
    }

    /// <summary>The pod spec of a workload document, or null for a kind that has none.</summary>
    private static YamlMappingNode? PodSpec(YamlMappingNode root) => root.Str("kind") switch
    {
        "Pod" => root.Map("spec"),
        "CronJob" => root.Map("spec")?.Map("jobTemplate")?.Map("spec")?.Map("template")?.Map("spec"),
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => root.Map("spec")?.Map("template")?.Map("spec"),
        _ => null,
    };

    private static YamlMappingNode? Parse(YamlDocumentText document)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(document.Text));
            return stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }

    // Values YAML would read as something other than a string ("true", "8080", "1.0") stay strings, as env values must be.
    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        || value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~";

    /// <summary>A quantity's amount, or null when it does not parse (the validator reports those).</summary>
    private static decimal? Amount(string? quantity)
    {
        try { return quantity is null ? null : new k8s.Models.ResourceQuantity(quantity).ToDecimal(); }
        catch (FormatException) { return null; }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
