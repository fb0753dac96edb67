using System.ComponentModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>GPUs a workload asks for: whole GPUs (<c>nvidia.com/gpu</c>) or MIG slices (<c>nvidia.com/mig-&lt;profile&gt;</c>).</summary>
public sealed record GpuRequest
{
    /// <summary>How many GPUs or MIG slices.</summary>
    [Description("Number of whole GPUs, or of MIG slices when migProfile is set.")]
    public int Count { get; init; } = 1;

    /// <summary>MIG profile such as <c>1g.10gb</c>; null for whole GPUs.</summary>
    [Description("MIG profile such as 1g.5gb, 1g.10gb, 3g.40gb; null for whole GPUs.")]
    public string? MigProfile { get; init; }

    /// <summary>The GPU model the pods must run on (a100, h100...), which becomes a node affinity on <c>nvidia.com/gpu.product</c>; null for any.</summary>
    [Description("GPU model the pods must run on, e.g. a100 or h100; null for any model.")]
    public string? Model { get; init; }

    /// <summary>The extended resource name to request.</summary>
    public string ResourceName() => MigProfile is null ? ResourceNames.Gpu : $"nvidia.com/mig-{MigProfile}";
}
