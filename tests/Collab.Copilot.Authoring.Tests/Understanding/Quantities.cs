using k8s.Models;

namespace Collab.Copilot.Authoring.Tests.Understanding;

/// <summary>Compares Kubernetes quantities by value, so a case stating 1.5Gi accepts a draft writing 1536Mi and 0.5 accepts 500m.</summary>
internal static class Quantities
{
    public static bool Equal(string? actual, string expected)
    {
        if (actual is null) return false;
        if (actual == expected) return true;
        try { return new ResourceQuantity(actual).ToDecimal() == new ResourceQuantity(expected).ToDecimal(); }
        catch (FormatException) { return false; }
    }
}
