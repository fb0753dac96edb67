namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Names of GPU resources: whole GPUs and MIG slices.</summary>
internal static class ResourceNames
{
    public const string Gpu = "nvidia.com/gpu";
    public const string QueueLabel = "kueue.x-k8s.io/queue-name";

    public static bool IsGpu(string name) => name == Gpu || name.StartsWith("nvidia.com/mig-", StringComparison.Ordinal);
}
