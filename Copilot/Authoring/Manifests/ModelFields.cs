using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>The JSON field names of a <c>k8s.Models</c> type and the fields the API server requires.</summary>
internal static class ModelFields
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Type>> Cache = new();

    // The generated models do not mark required fields, so the ones users most often leave out
    // (and the API server rejects) are listed here.
    private static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(V1Container)] = ["name", "image"],
        [typeof(V1PodSpec)] = ["containers"],
        // selector is checked (and fixed) with the template labels by WorkloadChecker.
        [typeof(V1DeploymentSpec)] = ["template"],
        [typeof(V1StatefulSetSpec)] = ["template"],
        [typeof(V1DaemonSetSpec)] = ["template"],
        [typeof(V1JobSpec)] = ["template"],
        [typeof(V1CronJobSpec)] = ["schedule", "jobTemplate"],
        [typeof(V1ServicePort)] = ["port"],
        [typeof(V1ContainerPort)] = ["containerPort"],
        [typeof(V1EnvVar)] = ["name"],
        [typeof(V1VolumeMount)] = ["name", "mountPath"],
        [typeof(V1Volume)] = ["name"],
        [typeof(V1PersistentVolumeClaimVolumeSource)] = ["claimName"],
        [typeof(V1PersistentVolumeClaimSpec)] = ["accessModes"],
        [typeof(V1LabelSelectorRequirement)] = ["key", "operator"],
        [typeof(V1ConfigMapKeySelector)] = ["key"],
        [typeof(V1SecretKeySelector)] = ["key"],
    };

    /// <summary>JSON name → property type for a model type.</summary>
    public static IReadOnlyDictionary<string, Type> Of(Type model) => Cache.GetOrAdd(model, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(x => x.Name is not null)
            .ToDictionary(x => x.Name!, x => x.PropertyType));

    public static IReadOnlyList<string> RequiredOf(Type model) => Required.TryGetValue(model, out var r) ? r : [];

    /// <summary>True for the generated model classes (as opposed to strings, lists and quantities).</summary>
    public static bool IsModel(Type t) =>
        t.IsClass && t.Namespace == "k8s.Models" && t != typeof(ResourceQuantity) && t != typeof(IntOrString) && Of(t).Count > 0;
}
