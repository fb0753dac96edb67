namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Where each workload kind keeps its pod template and labels, and which kinds run for a long time.</summary>
internal static class WorkloadShape
{
    /// <summary>Path from the document root to the pod spec, or null for kinds without pods.</summary>
    public static string[]? PodSpecPath(string kind) => kind switch
    {
        "Pod" => ["spec"],
        "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "ReplicationController" or "Job" => ["spec", "template", "spec"],
        "CronJob" => ["spec", "jobTemplate", "spec", "template", "spec"],
        _ => null,
    };

    /// <summary>Long-running kinds, whose containers need readiness and liveness probes.</summary>
    public static bool IsLongRunning(string kind) => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet";

    /// <summary>Kinds with a selector that must match the pod template labels.</summary>
    public static bool HasSelector(string kind) => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet";

    public static bool IsBatch(string kind) => kind is "Job" or "CronJob";
}
