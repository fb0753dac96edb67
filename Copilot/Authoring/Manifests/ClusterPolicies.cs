using Collab.Copilot.Authoring.Understanding;
using Collab.Copilot.Authoring.Wording;
using YamlDotNet.RepresentationModel;
using static Collab.Copilot.Authoring.Manifests.YamlBuilder;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// The kinds that govern workloads rather than run them — HorizontalPodAutoscaler, NetworkPolicy,
/// ResourceQuota, LimitRange, Secret, PodDisruptionBudget, ServiceAccount with its Role — drafted from what the request states; every default taken for
/// what it does not state is an assumption the answer lists.
/// </summary>
public static class ClusterPolicies
{
    private const string NamespaceLabel = "kubernetes.io/metadata.name";

    /// <summary>The document for a policy kind, or null for the other kinds.</summary>
    public static YamlMappingNode? Render(ManifestSpec spec) => spec.Kind switch
    {
        nameof(ResourceKind.HorizontalPodAutoscaler) => Autoscaler(spec),
        nameof(ResourceKind.NetworkPolicy) => NetworkPolicy(spec),
        nameof(ResourceKind.ResourceQuota) => Quota(spec),
        nameof(ResourceKind.LimitRange) => LimitRange(spec),
        nameof(ResourceKind.Secret) => Secret(spec),
        nameof(ResourceKind.PodDisruptionBudget) => DisruptionBudget(spec),
        nameof(ResourceKind.RoleBinding) => RoleBinding(spec),
        _ => null,
    };

    /// <summary>A ServiceAccount with the Role that grants what was asked and the RoleBinding that gives it that Role.</summary>
    public static IEnumerable<YamlMappingNode> ServiceAccount(ManifestSpec spec)
    {
        var access = spec.Access ?? new AccessSlot([], []);
        var resources = access.Resources.Count > 0 ? access.Resources : ["pods"];
        var verbs = access.Verbs.Count > 0 ? access.Verbs : ["get", "list", "watch"];
        yield return Object("v1", "ServiceAccount", spec);
        // One rule per API group: core resources have the group "", workloads "apps", Jobs "batch"…
        var rules = resources.GroupBy(ApiGroup).Select(g => (YamlNode)Map(
            ("apiGroups", Strings([g.Key])), ("resources", Strings(g.ToList())), ("verbs", Strings(verbs)))).ToList();
        yield return Object("rbac.authorization.k8s.io/v1", "Role", spec, ("rules", Seq(rules)));
        yield return Object("rbac.authorization.k8s.io/v1", "RoleBinding", spec,
            ("subjects", Seq([Map(("kind", Str("ServiceAccount")), ("name", Str(spec.Name)), ("namespace", spec.Namespace is null ? null : Str(spec.Namespace)))])),
            ("roleRef", Map(("apiGroup", Str("rbac.authorization.k8s.io")), ("kind", Str("Role")), ("name", Str(spec.Name)))));
    }

    /// <summary>A RoleBinding of a role that exists to a group, a user (both in the RBAC API group) or a ServiceAccount.</summary>
    private static YamlMappingNode RoleBinding(ManifestSpec spec)
    {
        var b = spec.Binding ?? new BindingSlot("Role", spec.Name, "ServiceAccount", spec.Name, null);
        var subject = b.SubjectKind == "ServiceAccount"
            ? Map(("kind", Str("ServiceAccount")), ("name", Str(b.Subject)), ("namespace", (b.SubjectNamespace ?? spec.Namespace) is { } ns ? Str(ns) : null))
            : Map(("kind", Str(b.SubjectKind)), ("name", Str(b.Subject)), ("apiGroup", Str("rbac.authorization.k8s.io")));
        return Object("rbac.authorization.k8s.io/v1", "RoleBinding", spec,
            ("subjects", Seq([subject])),
            ("roleRef", Map(("apiGroup", Str("rbac.authorization.k8s.io")), ("kind", Str(b.RoleKind)), ("name", Str(b.Role)))));
    }

    private static string ApiGroup(string resource) => resource.Split('/')[0] switch
    {
        "deployments" or "statefulsets" or "daemonsets" or "replicasets" => "apps",
        "jobs" or "cronjobs" => "batch",
        "ingresses" or "networkpolicies" => "networking.k8s.io",
        _ => "",
    };

    // The pods a budget protects: the labels stated, else those our workload drafts give their pods.
    private static YamlMappingNode DisruptionBudget(ManifestSpec spec)
    {
        var d = spec.Disruption ?? new DisruptionSlot(null, null, new Dictionary<string, string>(), null);
        var labels = d.Labels.Count > 0 ? d.Labels : new Dictionary<string, string> { ["app.kubernetes.io/name"] = d.Target ?? "app" };
        static YamlNode Bound(string value) => value.EndsWith('%') ? Str(value) : Raw(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        return Object("policy/v1", "PodDisruptionBudget", spec, ("spec", Map(
            ("minAvailable", d.MaxUnavailable is null ? Bound(d.MinAvailable ?? "1") : null),
            ("maxUnavailable", d.MaxUnavailable is { } max ? Bound(max) : null),
            ("selector", Map(("matchLabels", Dict(labels)))))));
    }

    /// <summary>The name a policy gets when none is stated: the scaled workload's, or what the object is for.</summary>
    public static string? DefaultName(ResourceKind kind, RequestSlots slots) => kind switch
    {
        ResourceKind.HorizontalPodAutoscaler => slots.Autoscaling?.Target ?? "app",
        ResourceKind.NetworkPolicy => slots.Traffic is { Egress: true } ? "restrict-egress" : "restrict-ingress",
        ResourceKind.ResourceQuota => "compute-quota",
        ResourceKind.LimitRange => "default-limits",
        ResourceKind.Secret => "app-secret",
        ResourceKind.PodDisruptionBudget => (slots.Disruption?.Target ?? slots.Disruption?.Labels.Values.FirstOrDefault() ?? "app") + "-pdb",
        ResourceKind.ServiceAccount => "app",
        ResourceKind.RoleBinding => slots.Binding is { } b ? $"{b.Subject}-{b.Role}" : "app",
        _ => null,
    };

    /// <summary>The defaults a policy draft takes for what the request left out.</summary>
    public static IEnumerable<Note> Assumptions(ResourceKind kind, RequestSlots slots)
    {
        switch (kind)
        {
            case ResourceKind.HorizontalPodAutoscaler when slots.Autoscaling is { } a:
                if (a.Target is null) yield return new Note("note.hpa-target");
                if (a.Min is null || a.Max is null) yield return new Note("note.hpa-bounds", $"{a.Min ?? 1}", $"{a.Max ?? Math.Max(5, (a.Min ?? 1) + 1)}");
                if (a.Utilization is null) yield return new Note("note.hpa-utilization", "80");
                break;
            case ResourceKind.NetworkPolicy when slots.Traffic is { } t:
                if (t.PodLabels.Count == 0) yield return new Note("note.netpol-pods");
                if (t.Egress) yield return new Note("note.netpol-dns");
                break;
            case ResourceKind.Secret:
                yield return new Note("note.secret-values");
                break;
            case ResourceKind.PodDisruptionBudget when slots.Disruption is { } d:
                if (d.MinAvailable is null && d.MaxUnavailable is null) yield return new Note("note.pdb-bound");
                if (d.Labels.Count == 0) yield return new Note("note.pdb-selector", d.Target ?? "app");
                break;
            case ResourceKind.ServiceAccount when slots.Access is { } a:
                if (a.Verbs.Count == 0 || a.Resources.Count == 0) yield return new Note("note.rbac-default");
                if (a.Resources.Any(r => r is "nodes" or "namespaces" or "persistentvolumes")) yield return new Note("note.rbac-cluster");
                break;
            case ResourceKind.ResourceQuota or ResourceKind.LimitRange when slots.Namespace is null:
                yield return new Note("note.policy-namespace");
                break;
        }
    }

    private static YamlMappingNode Autoscaler(ManifestSpec spec)
    {
        var a = spec.Autoscaling;
        var min = a?.Min ?? 1;
        return Object("autoscaling/v2", "HorizontalPodAutoscaler", spec, ("spec", Map(
            ("scaleTargetRef", Map(("apiVersion", Str("apps/v1")), ("kind", Str(a?.TargetKind ?? "Deployment")), ("name", Str(a?.Target ?? spec.Name)))),
            ("minReplicas", Raw(min)),
            ("maxReplicas", Raw(a?.Max ?? Math.Max(5, min + 1))),
            ("metrics", Seq([Map(
                ("type", Str("Resource")),
                ("resource", Map(
                    ("name", Str(a?.Metric ?? "cpu")),
                    ("target", Map(("type", Str("Utilization")), ("averageUtilization", Raw(a?.Utilization ?? 80)))))))])))));
    }

    /// <summary>
    /// Ingress: traffic only from the pods and namespaces named (none named: nothing may come in).
    /// Egress: DNS to kube-dns, and the ports named; nothing else may go out.
    /// </summary>
    private static YamlMappingNode NetworkPolicy(ManifestSpec spec)
    {
        var t = spec.Traffic ?? new TrafficSlot(false, new Dictionary<string, string>(), [], []);
        var ports = t.Ports.Select(p => (YamlNode)Map(("protocol", Str("TCP")), ("port", Raw(p)))).ToList();
        YamlNode? rules;
        if (t.Egress)
        {
            var dns = Map(
                ("to", Seq([Map(
                    ("namespaceSelector", Map(("matchLabels", Dict([new(NamespaceLabel, "kube-system")])))),
                    ("podSelector", Map(("matchLabels", Dict([new("k8s-app", "kube-dns")])))))])),
                ("ports", Seq([Map(("protocol", Str("UDP")), ("port", Raw(53))), Map(("protocol", Str("TCP")), ("port", Raw(53)))])));
            rules = Seq(ports.Count == 0 ? [dns] : [dns, Map(("ports", Seq(ports)))]);
        }
        else
        {
            var from = t.FromLabels.Count > 0 ? [Map(("podSelector", Map(("matchLabels", Dict(t.FromLabels)))))] : new List<YamlNode>();
            from.AddRange(t.FromNamespaces.Select(n => (YamlNode)Map(("namespaceSelector", Map(("matchLabels", Dict([new(NamespaceLabel, n)])))))));
            rules = from.Count == 0 && ports.Count == 0 ? null : Seq([Map(("from", Seq(from)), ("ports", Seq(ports)))]);
        }
        return Object("networking.k8s.io/v1", "NetworkPolicy", spec, ("spec", Map(
            ("podSelector", t.PodLabels.Count > 0 ? Map(("matchLabels", Dict(t.PodLabels))) : new YamlMappingNode()),
            ("policyTypes", Strings([t.Egress ? "Egress" : "Ingress"])),
            (t.Egress ? "egress" : "ingress", rules))));
    }

    private static YamlMappingNode Quota(ManifestSpec spec)
    {
        var hard = new List<KeyValuePair<string, string>>();
        if (spec.Cpu is { } cpu) hard.AddRange([new("requests.cpu", cpu), new("limits.cpu", cpu)]);
        if (spec.Memory is { } memory) hard.AddRange([new("requests.memory", memory), new("limits.memory", memory)]);
        if (spec.Gpu is { } gpu) hard.Add(new("requests." + ResourceNames.Gpu, gpu.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (spec.PodCount is { } pods) hard.Add(new("pods", pods.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (spec.StorageSize is { } storage) hard.Add(new("requests.storage", storage));
        return Object("v1", "ResourceQuota", spec, ("spec", Map(("hard", Dict(hard)))));
    }

    private static YamlMappingNode LimitRange(ManifestSpec spec)
    {
        var limits = new List<KeyValuePair<string, string>>();
        if (spec.Cpu is { } cpu) limits.Add(new("cpu", cpu));
        if (spec.Memory is { } memory) limits.Add(new("memory", memory));
        return Object("v1", "LimitRange", spec, ("spec", Map(("limits", Seq([Map(
            ("type", Str("Container")),
            ("default", Dict(limits)),
            ("defaultRequest", Dict(limits)))])))));
    }

    // The values are never invented: the keys are listed empty for the user to fill (or to create with kubectl create secret).
    // The keys a type requires give the type (tls.crt and tls.key: a TLS Secret; .dockerconfigjson: registry credentials,
    // whose value the API server parses as JSON, so it starts as an empty auths map).
    private static YamlMappingNode Secret(ManifestSpec spec)
    {
        var keys = spec.SecretKeys;
        var type = keys.Contains(".dockerconfigjson") ? "kubernetes.io/dockerconfigjson"
            : keys.Contains("tls.crt") && keys.Contains("tls.key") ? "kubernetes.io/tls" : "Opaque";
        var data = keys.Select(k => new KeyValuePair<string, string>(k, k == ".dockerconfigjson" ? "{\"auths\": {}}" : ""));
        return Object("v1", "Secret", spec, ("type", Str(type)), ("stringData", Dict(data)));
    }

    private static YamlMappingNode Object(string apiVersion, string kind, ManifestSpec spec, params (string, YamlNode?)[] body)
    {
        var metadata = Map(("name", Str(spec.Name)), ("namespace", spec.Namespace is null ? null : Str(spec.Namespace)));
        return Map([("apiVersion", Str(apiVersion)), ("kind", Str(kind)), ("metadata", metadata), .. body]);
    }
}
