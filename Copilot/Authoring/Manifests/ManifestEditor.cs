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
/// "limit 4 cpus and 16gb", "pvc datasets na /data", "LOG_LEVEL=debug", "la cua team-a") instead of
/// drafting a new one: the pasted resources keep their kind, name, image and every field not asked
/// about. The change goes to the first workload of the paste (its first container); a paste without
/// a workload is returned unchanged.
/// </summary>
public static class ManifestEditor
{
    private const string QueueLabel = "kueue.x-k8s.io/queue-name";

    public static ManifestEdit Apply(string yaml, RequestSlots slots)
    {
        var documents = YamlDocumentText.Split(yaml);
        var roots = documents.Select(Parse).ToList();
        var target = roots.FindIndex(r => r is not null && PodSpec(r) is not null);
        if (target < 0) return new ManifestEdit(yaml, []);

        var root = roots[target]!;
        var changes = new List<Note>();
        var pod = PodSpec(root)!;
        var container = pod.Seq("containers")?.Children.OfType<YamlMappingNode>().FirstOrDefault();
        if (container is null) return new ManifestEdit(yaml, []);

        EditWorkload(root, slots, changes);
        EditResources(container, slots, changes);
        EditPorts(root, container, slots, changes);
        EditVolumes(pod, container, slots, changes);
        EditEnvironment(container, slots, changes);

        if (changes.Count == 0) return new ManifestEdit(yaml, []);
        var texts = documents.Select((d, i) => i == target ? ManifestWriter.Write(root) : d.Text);
        return new ManifestEdit(ManifestWriter.Join(texts), changes);
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
    /// ("on 9090 instead of 8080"), probes and the pod's own references following; otherwise it is added.
    /// </summary>
    private static void EditPorts(YamlMappingNode root, YamlMappingNode container, RequestSlots slots, List<Note> changes)
    {
        var declared = container.Seq("ports")?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        var declaredNumbers = declared.Select(p => p.Str("containerPort")).ToHashSet();
        var added = slots.ContainerPorts.Select(Number).Where(p => !declaredNumbers.Contains(p)).Distinct().ToList();
        if (added.Count == 0) return;
        if (added.Count == 1 && declared.Count == 1)
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
