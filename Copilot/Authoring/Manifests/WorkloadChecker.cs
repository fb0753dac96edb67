using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Whole-object rules: selectors matching template labels, Job restart policy, Kueue queue label and suspend, PVC size, CronJob schedule.</summary>
internal sealed class WorkloadChecker(IssueSink sink)
{
    public void Check(YamlMappingNode root, string kind)
    {
        if (WorkloadShape.HasSelector(kind)) CheckSelector(root);
        if (WorkloadShape.IsBatch(kind)) CheckBatch(root, kind);
        if (kind == "PersistentVolumeClaim")
        {
            CheckClaim(root);
            CheckAccessMode(root.Map("spec"), "spec");
        }
        if (kind == "StatefulSet")
        {
            var templates = root.Map("spec")?.Seq("volumeClaimTemplates")?.Children ?? [];
            for (var i = 0; i < templates.Count; i++)
                if (templates[i] is YamlMappingNode t) CheckAccessMode(t.Map("spec"), $"spec.volumeClaimTemplates[{i}].spec");
        }
        if (kind == "CronJob") CheckSchedule(root);
    }

    private void CheckSchedule(YamlMappingNode root)
    {
        if (root.Map("spec") is not { } spec || spec.Str("schedule") is not { } schedule) return;
        if (CronSchedule.Problem(schedule) is { } problem)
            sink.Add(FindingSeverity.Error, ManifestRules.CronSchedule, "spec.schedule", spec.Get("schedule") ?? spec,
                $"The schedule \"{schedule}\" is not valid: {problem}; the API server rejects the CronJob.",
                "Write five fields: minute (0-59) hour (0-23) day-of-month (1-31) month (1-12) day-of-week (0-6), e.g. \"0 3 * * *\" for 03:00 daily.");
    }

    private void CheckSelector(YamlMappingNode root)
    {
        if (root.Map("spec") is not { } spec) return;
        var template = spec.Map("template");
        var templateLabels = template?.Map("metadata")?.Map("labels");
        var selector = spec.Map("selector")?.Map("matchLabels");
        if (spec.Map("selector") is null)
        {
            sink.Add(FindingSeverity.Error, ManifestRules.RequiredField, "spec.selector", spec,
                "spec.selector is required (apps/v1) and must match the pod template labels.",
                "Add spec.selector.matchLabels with the pod template's labels.",
                template is null ? null : () => AlignSelector(root, spec, template), "added spec.selector.matchLabels from the pod template labels");
            return;
        }
        if (selector is null) return;
        var mismatched = selector.Children.Where(kv => templateLabels?.Str(((YamlScalarNode)kv.Key).Value!) != ((YamlScalarNode)kv.Value).Value)
            .Select(kv => ((YamlScalarNode)kv.Key).Value).ToList();
        if (mismatched.Count == 0) return;
        sink.Add(FindingSeverity.Error, ManifestRules.SelectorMismatch, "spec.selector.matchLabels", selector,
            $"Selector label(s) {string.Join(", ", mismatched)} do not match spec.template.metadata.labels; the API server rejects this.",
            "Make spec.template.metadata.labels contain every selector label with the same value.",
            template is null ? null : () =>
            {
                var labels = template.EnsureMap("metadata").EnsureMap("labels");
                foreach (var (k, v) in selector.Children) labels.Set(((YamlScalarNode)k).Value!, ((YamlScalarNode)v).Value!, quoted: true);
            }, "copied the selector labels onto the pod template");
    }

    private static void AlignSelector(YamlMappingNode root, YamlMappingNode spec, YamlMappingNode template)
    {
        var labels = template.EnsureMap("metadata").EnsureMap("labels");
        if (labels.Children.Count == 0) labels.Set("app", root.Map("metadata")?.Str("name") ?? "app");
        var matchLabels = new YamlMappingNode();
        foreach (var (k, v) in labels.Children) matchLabels.Add(new YamlScalarNode(((YamlScalarNode)k).Value), YamlTree.Scalar(((YamlScalarNode)v).Value ?? "", quoted: ((YamlScalarNode)v).Style == YamlDotNet.Core.ScalarStyle.DoubleQuoted));
        spec.Set("selector", new YamlMappingNode(new YamlScalarNode("matchLabels"), matchLabels));
    }

    private void CheckBatch(YamlMappingNode root, string kind)
    {
        var cron = kind == "CronJob";
        var jobMeta = cron ? root.Map("spec")?.Map("jobTemplate")?.Map("metadata") : root.Map("metadata");
        var jobSpec = cron ? root.Map("spec")?.Map("jobTemplate")?.Map("spec") : root.Map("spec");
        var prefix = cron ? "spec.jobTemplate." : "";
        if (jobSpec is null) return;
        var pod = jobSpec.Map("template")?.Map("spec");

        if (pod is not null && pod.Str("restartPolicy") is not ("Never" or "OnFailure"))
            sink.Add(FindingSeverity.Error, ManifestRules.JobRestartPolicy, prefix + "spec.template.spec.restartPolicy", pod.Get("restartPolicy") ?? pod,
                $"A Job's pod template needs restartPolicy Never or OnFailure{(pod.Str("restartPolicy") is { } rp ? $", not {rp}" : " (the default Always is rejected)")}.",
                "Set restartPolicy: Never (let the Job retry) or OnFailure.",
                () => pod.Set("restartPolicy", "Never"), "set restartPolicy: Never");

        CheckKueue(root, cron, jobMeta, jobSpec, pod, prefix);
    }

    private void CheckKueue(YamlMappingNode root, bool cron, YamlMappingNode? jobMeta, YamlMappingNode jobSpec, YamlMappingNode? pod, string prefix)
    {
        var queue = jobMeta?.Map("labels")?.Str(ResourceNames.QueueLabel);
        var annotated = jobMeta?.Map("annotations")?.Str(ResourceNames.QueueLabel);
        var gpu = pod is not null && PodContainers.Of(pod, "").Any(c => RequestsGpu(c.Node));
        YamlMappingNode EnsureMeta() => cron ? root.EnsureMap("spec").EnsureMap("jobTemplate").EnsureMap("metadata") : root.EnsureMap("metadata");

        if (queue is null && annotated is not null)
        {
            sink.Add(FindingSeverity.Warning, ManifestRules.KueueQueueLabel, prefix + "metadata.labels[\"kueue.x-k8s.io/queue-name\"]", jobMeta!.Map("annotations"),
                "The Kueue queue is set as an annotation (deprecated); Kueue reads the kueue.x-k8s.io/queue-name label.",
                "Move kueue.x-k8s.io/queue-name from annotations to labels.",
                () =>
                {
                    var meta = EnsureMeta();
                    meta.EnsureMap("labels").Set(ResourceNames.QueueLabel, annotated);
                    var annotations = meta.Map("annotations")!;
                    annotations.Remove(ResourceNames.QueueLabel);
                    if (annotations.Children.Count == 0) meta.Remove("annotations");
                }, "moved the queue name from annotations to labels");
            queue = annotated;
        }
        else if (queue is null && gpu)
        {
            sink.Add(FindingSeverity.Warning, ManifestRules.KueueQueueLabel, prefix + "metadata.labels[\"kueue.x-k8s.io/queue-name\"]", jobMeta ?? root,
                "This GPU Job has no kueue.x-k8s.io/queue-name label, so it bypasses the GPU queue (or is rejected where Kueue manages all Jobs).",
                "Add the label kueue.x-k8s.io/queue-name: <your team's LocalQueue> and create the Job with suspend: true.",
                () => EnsureMeta().EnsureMap("labels").Set(ResourceNames.QueueLabel, "default"),
                "added kueue.x-k8s.io/queue-name: default (Kueue's default LocalQueue name; change it to your team's queue)");
            queue = "default";
        }

        if (queue is null || jobSpec.IsTrue("suspend")) return;
        sink.Add(FindingSeverity.Warning, ManifestRules.KueueSuspend, prefix + "spec.suspend", jobSpec.Get("suspend") ?? jobSpec,
            "A Kueue-managed Job should be created with suspend: true; Kueue unsuspends it when the queue admits it, so it never starts outside its quota.",
            "Set spec.suspend: true.",
            () => jobSpec.Set("suspend", "true"), "set suspend: true");
    }

    private void CheckClaim(YamlMappingNode root)
    {
        var spec = root.Map("spec");
        if (spec?.Map("resources")?.Map("requests")?.Get("storage") is not null || spec?.Map("dataSource") is not null) return;
        sink.Add(FindingSeverity.Error, ManifestRules.RequiredField, "spec.resources.requests.storage", spec ?? root,
            "A PersistentVolumeClaim must request a storage size.", "Set spec.resources.requests.storage, e.g. 10Gi.");
    }

    private void CheckAccessMode(YamlMappingNode? spec, string path)
    {
        if (spec?.Str("storageClassName") is not { } storageClass || !BlockStorageClasses.IsBlock(storageClass)) return;
        if (spec.Seq("accessModes") is not { } modes || !modes.Children.OfType<YamlScalarNode>().Any(m => m.Value == "ReadWriteMany")) return;
        sink.Add(FindingSeverity.Error, ManifestRules.RwxOnBlockStorage, path + ".accessModes", modes,
            $"Storage class \"{storageClass}\" provisions block volumes, which attach to one node at a time; a ReadWriteMany claim on it stays Pending.",
            "Use ReadWriteOnce (one node), or a storage class with a shared file system (NFS, CephFS, EFS, Azure Files) for ReadWriteMany.");
    }

    private static bool RequestsGpu(YamlMappingNode container)
    {
        var resources = container.Map("resources");
        return new[] { resources?.Map("requests"), resources?.Map("limits") }
            .Any(m => m?.Children.Keys.OfType<YamlScalarNode>().Any(k => ResourceNames.IsGpu(k.Value ?? "")) == true);
    }
}
