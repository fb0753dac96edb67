using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Kubernetes kinds the drafter does not draft — every kind of the API models plus the custom
/// resources of the operators research platforms run (KServe, Kueue, Kubeflow, Ray, cert-manager,
/// Prometheus, Argo) — so that a request for one ("a ClusterRole that…", "persistent volume na NFS",
/// "una PriorityClass") is answered "I cannot draft a X" instead of silently with another kind.
/// </summary>
public static class UndraftableKinds
{
    // Custom resources people ask for by name on GPU/Jupyter clusters; the API models list only built-in kinds.
    private static readonly string[] CustomResources =
    [
        "InferenceService", "ServingRuntime", "ClusterServingRuntime", "InferenceGraph",
        "ClusterQueue", "LocalQueue", "ResourceFlavor", "WorkloadPriorityClass", "AdmissionCheck", "ProvisioningRequest",
        "PyTorchJob", "TFJob", "MPIJob", "XGBoostJob", "PaddleJob", "TrainJob", "JobSet", "Notebook", "Profile",
        "RayCluster", "RayJob", "RayService", "ClusterIssuer", "ServiceMonitor", "PodMonitor", "PrometheusRule",
        "VolumeSnapshot", "VolumeSnapshotClass", "HTTPRoute", "GRPCRoute", "Gateway", "GatewayClass", "VirtualService", "SealedSecret", "ExternalSecret", "ScaledObject",
        "VerticalPodAutoscaler", "Certificate", "Issuer", "KafkaTopic",
    ];

    // Kinds the drafter produces: ResourceKind's, and the Role and RoleBinding drafted with a ServiceAccount.
    private static readonly HashSet<string> Drafted = new(Enum.GetNames<ResourceKind>().Concat(["Role", "RoleBinding"]), StringComparer.OrdinalIgnoreCase);

    // One-word kinds ("Pod", "Node", "Namespace", "Event", "Gateway", "Certificate") are everyday words in requests, not asks
    // for that object: a built-in one is never read as an ask, an operator's one only when written capitalised as its API spells it.
    private static readonly Lazy<IReadOnlyList<(string Kind, Regex Words)>> Known = new(() =>
        KubernetesKinds.Names.Where(k => Regex.Matches(k, "[A-Z][a-z]+").Count >= 2).Concat(CustomResources)
            .Where(k => !Drafted.Contains(k))
            .Distinct()
            .Select(k => (k, Regex.Matches(k, "[A-Z]+(?![a-z])|[A-Z][a-z]+") is { Count: 1 }
                ? new Regex(@"(?<![\w\-])" + Regex.Escape(k) + @"s?(?![\w\-])", RegexOptions.CultureInvariant)
                : new Regex(@"(?<![\w])" + string.Join(@"[\s\-_]?", Regex.Matches(k, "[A-Z]+(?![a-z])|[A-Z][a-z]+").Select(p => Regex.Escape(p.Value))) + @"e?s?(?![\w])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
            .ToList());

    /// <summary>
    /// The kind <paramref name="text"/> asks for when it is one the drafter does not draft: the first
    /// kind word of the text is that kind's name, and no drafted kind's word extends it ("persistent
    /// volume claim" is a PVC; "ingress class nginx" names an Ingress's class). Null otherwise.
    /// </summary>
    public static (string Kind, int Start, int End)? Asked(string text)
    {
        var drafted = Vocabulary.Kinds.Values.SelectMany(r => r.Matches(text)).Select(m => (Start: m.Index, End: m.Index + m.Length)).ToList();
        var undrafted = Known.Value.SelectMany(k => k.Words.Matches(text).Select(m => (k.Kind, Start: m.Index, End: m.Index + m.Length)))
            // A drafted kind's word that starts before this one or runs past it is the longer name, and decides.
            .Where(u => !drafted.Any(d => d.Start < u.End && d.End > u.Start && (d.Start < u.Start || d.End > u.End)))
            // "storageclass nfs-client", "priority class high": a class named by its value is a field of what is drafted.
            .Where(u => !(u.Kind.EndsWith("Class", StringComparison.Ordinal) && SlotExtractor.ValueAfter(text, u.End) is not null))
            // "pytorchjob style", "InferenceService-like": the kind describes what to draft, it is not the object asked for.
            .Where(u => !Regex.IsMatch(text[u.End..], @"^[\s\-]*(?:style|like|compatible|equivalent)\b", RegexOptions.IgnoreCase))
            .OrderBy(u => u.Start).ThenByDescending(u => u.End - u.Start).ToList();
        if (undrafted.Count == 0) return null;
        var first = undrafted[0];
        return drafted.Any(d => d.End <= first.Start) ? null : (first.Kind, first.Start, first.End);
    }
}
