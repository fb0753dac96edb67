namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// The <c>nvidia.com/gpu.product</c> node label values (set by NVIDIA GPU feature discovery) of each
/// GPU model people name, so "only on A100 nodes" becomes a node affinity that admits every variant
/// of that model (SXM and PCIe, 40 and 80 GB) rather than one guessed product string.
/// </summary>
public static class GpuProducts
{
    /// <summary>The node label the values belong to.</summary>
    public const string Label = "nvidia.com/gpu.product";

    private static readonly Dictionary<string, string[]> Products = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a100"] = ["NVIDIA-A100-SXM4-40GB", "NVIDIA-A100-SXM4-80GB", "NVIDIA-A100-PCIE-40GB", "NVIDIA-A100-80GB-PCIe"],
        ["h100"] = ["NVIDIA-H100-80GB-HBM3", "NVIDIA-H100-PCIe", "NVIDIA-H100-NVL"],
        ["h200"] = ["NVIDIA-H200", "NVIDIA-H200-NVL"],
        ["a30"] = ["NVIDIA-A30"],
        ["a40"] = ["NVIDIA-A40"],
        ["a10"] = ["NVIDIA-A10"],
        ["l4"] = ["NVIDIA-L4"],
        ["l40"] = ["NVIDIA-L40"],
        ["l40s"] = ["NVIDIA-L40S"],
        ["v100"] = ["Tesla-V100-SXM2-16GB", "Tesla-V100-SXM2-32GB", "Tesla-V100-PCIE-16GB", "Tesla-V100-PCIE-32GB"],
        ["t4"] = ["Tesla-T4"],
    };

    /// <summary>The label values of <paramref name="model"/>, or empty for an unknown model.</summary>
    public static IReadOnlyList<string> Of(string? model) => model is not null && Products.TryGetValue(model, out var values) ? values : [];
}
