using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests;

/// <summary>Runs every case of a category, prints the pass rate, and fails listing each failing case.</summary>
internal static class PassRate
{
    /// <summary>Runs the cases; fails when the share passing is below <paramref name="floor"/> (all of them by default).</summary>
    public static void Run<T>(ITestOutputHelper output, string category, IReadOnlyList<T> cases, Func<T, string> name, Action<T> check, double floor = 1.0)
    {
        var failures = new List<string>();
        foreach (var c in cases)
        {
            try { check(c); }
            catch (Exception ex) { failures.Add($"{name(c)}: {ex.Message}"); }
        }
        var passed = cases.Count - failures.Count;
        output.WriteLine($"{category}: {passed}/{cases.Count} passed ({100.0 * passed / Math.Max(1, cases.Count):F1}%)");
        foreach (var f in failures) output.WriteLine("  FAIL " + f);
        Assert.True(passed >= floor * cases.Count, $"{category}: {failures.Count} failing case(s):\n" + string.Join("\n", failures));
    }

    public static void That(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }
}
