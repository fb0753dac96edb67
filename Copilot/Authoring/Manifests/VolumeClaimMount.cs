using System.ComponentModel;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>A PersistentVolumeClaim mounted into the workload's container.</summary>
public sealed record VolumeClaimMount
{
    /// <summary>The claim's name.</summary>
    [Description("PersistentVolumeClaim name (existing, or created when size is set).")]
    public required string ClaimName { get; init; }

    /// <summary>Where it is mounted in the container.</summary>
    [Description("Absolute mount path in the container.")]
    public required string MountPath { get; init; }

    /// <summary>When set, the claim is created with this size (e.g. <c>10Gi</c>); otherwise it must already exist.</summary>
    [Description("Storage size such as 10Gi when the claim should be created; null for an existing claim.")]
    public string? Size { get; init; }

    /// <summary>Mount read-only (datasets).</summary>
    public bool ReadOnly { get; init; }
}
