using YamlDotNet.RepresentationModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Runs every check on parsed documents: type info, schema binding, pod security, containers, workload rules.</summary>
internal static class ManifestAnalyzer
{
    public static IReadOnlyList<ManifestIssue> Analyze(ManifestDocument doc, IssueSink sink)
    {
        if (doc.Root is not YamlMappingNode root)
        {
            if (doc.Root is not null)
                sink.Add(FindingSeverity.Error, ManifestRules.WrongType, "", doc.Root,
                    "A Kubernetes manifest must be a YAML mapping (apiVersion, kind, metadata, spec...).", "Start the document with apiVersion: and kind:.");
            return sink.Issues;
        }
        sink.Kind = root.Str("kind");
        sink.Name = root.Map("metadata")?.Str("name");
        var apiVersion = root.Str("apiVersion");
        if (sink.Kind is null || apiVersion is null)
        {
            sink.Add(FindingSeverity.Error, ManifestRules.MissingTypeInfo, sink.Kind is null ? "kind" : "apiVersion", root,
                $"The document has no {(sink.Kind is null ? "kind" : "apiVersion")}.", "Add apiVersion and kind at the top, e.g. apiVersion: apps/v1, kind: Deployment.");
            return sink.Issues;
        }

        var kind = sink.Kind;
        var type = ResolveType(root, apiVersion, ref kind, sink);
        if (type is null) return sink.Issues;

        new SchemaBinder(sink).Bind(root, type, "", null, null);
        if (root.Map("metadata") is not { } meta || (meta.Get("name") is null && meta.Get("generateName") is null))
            sink.Add(FindingSeverity.Error, ManifestRules.RequiredField, "metadata.name", root.Get("metadata") ?? root,
                "metadata.name is required.", "Add metadata.name (lower case letters, digits and '-').");

        if (WorkloadShape.PodSpecPath(kind) is { } podPath && Navigate(root, podPath) is { } pod)
        {
            var path = string.Join('.', podPath);
            new PodSecurityChecker(sink).Check(pod, path);
            new ContainerChecker(sink).Check(pod, path, kind);
            new ContainerConsistencyChecker(sink).Check(pod, path);
            new PodRuntimeChecker(sink).Check(pod, path);
            new PortNameChecker(sink).CheckPod(pod, path);
        }
        if (kind == "Service") new PortNameChecker(sink).CheckService(root);
        new WorkloadChecker(sink).Check(root, kind);
        return sink.Issues;
    }

    private static Type? ResolveType(YamlMappingNode root, string apiVersion, ref string kind, IssueSink sink)
    {
        if (KubernetesKinds.Find(apiVersion, kind) is { } exact) return exact;
        if (KubernetesKinds.PreferredApiVersion(kind) is { } preferred)
        {
            sink.Add(FindingSeverity.Error, ManifestRules.ApiVersion, "apiVersion", root.Get("apiVersion"),
                $"{kind} is not served as {apiVersion}; use {preferred}.", $"Set apiVersion: {preferred}.",
                () => root.Set("apiVersion", preferred), $"set apiVersion to {preferred}");
            return KubernetesKinds.Find(preferred, kind);
        }
        var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
        if (group.Contains('.') && !group.EndsWith(".k8s.io", StringComparison.Ordinal))
        {
            sink.Add(FindingSeverity.Info, ManifestRules.UnknownKind, "kind", root.Get("kind"),
                $"{kind} ({apiVersion}) is a custom resource; only its YAML syntax was checked.", "Check it against the CRD's schema (kubectl apply --dry-run=server).");
            return null;
        }
        var closest = KubernetesKinds.ClosestKind(kind);
        var fixedKind = closest;
        sink.Add(FindingSeverity.Error, ManifestRules.UnknownKind, "kind", root.Get("kind"),
            $"Unknown kind \"{kind}\" for {apiVersion}{(closest is null ? "." : $"; did you mean \"{closest}\"?")}",
            closest is null ? "Use a Kubernetes kind such as Deployment, Job or Service." : $"Set kind: {closest}.",
            closest is null ? null : () =>
            {
                root.Set("kind", fixedKind!);
                if (KubernetesKinds.PreferredApiVersion(fixedKind!) is { } v) root.Set("apiVersion", v);
            }, $"set kind to {closest}");
        return null;
    }

    private static YamlMappingNode? Navigate(YamlMappingNode root, IEnumerable<string> path)
    {
        YamlMappingNode? current = root;
        foreach (var key in path) current = current?.Map(key);
        return current;
    }
}
