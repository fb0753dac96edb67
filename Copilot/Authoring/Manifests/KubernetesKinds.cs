using System.Reflection;
using k8s.Models;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Maps apiVersion + kind to the <c>k8s.Models</c> type that describes it, from the models' own <see cref="KubernetesEntityAttribute"/>.</summary>
internal static class KubernetesKinds
{
    private static readonly Lazy<IReadOnlyList<(string ApiVersion, string Kind, Type Type)>> All = new(() =>
        typeof(V1Pod).Assembly.GetTypes()
            .Select(t => (Type: t, Attr: t.GetCustomAttribute<KubernetesEntityAttribute>()))
            .Where(x => x.Attr is not null && !x.Type.Name.EndsWith("List", StringComparison.Ordinal))
            .Select(x => (string.IsNullOrEmpty(x.Attr!.Group) ? x.Attr.ApiVersion : $"{x.Attr.Group}/{x.Attr.ApiVersion}", x.Attr.Kind, x.Type))
            .ToList());

    public static Type? Find(string apiVersion, string kind) =>
        All.Value.FirstOrDefault(e => e.ApiVersion == apiVersion && e.Kind == kind).Type;

    /// <summary>The preferred apiVersion for a kind (stable v1 over betas), or null when the kind is unknown.</summary>
    public static string? PreferredApiVersion(string kind) =>
        All.Value.Where(e => e.Kind == kind)
            .OrderBy(e => e.ApiVersion.Contains("alpha") ? 2 : e.ApiVersion.Contains("beta") ? 1 : 0)
            .ThenByDescending(e => e.ApiVersion, StringComparer.Ordinal)
            .Select(e => e.ApiVersion).FirstOrDefault();

    /// <summary>Every kind the Kubernetes API models describe.</summary>
    public static IEnumerable<string> Names => All.Value.Select(e => e.Kind).Distinct();

    /// <summary>The known kind closest in spelling, for "Deploymnet".</summary>
    public static string? ClosestKind(string kind) => FieldSuggester.Closest(kind, All.Value.Select(e => e.Kind).Distinct());
}
