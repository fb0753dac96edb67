using Xunit.Abstractions;

namespace Collab.Copilot.Authoring.Tests;

/// <summary>Runs every case of a category, prints the pass rate, and fails listing each failing case.</summary>
internal static class PassRate
{
    public static void Run<T>(ITestOutputHelper output, string category, IReadOnlyList<T> cases, Func<T, string> name, Action<T> check)
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
        Assert.True(failures.Count == 0, $"{category}: {failures.Count} failing case(s):\n" + string.Join("\n", failures));
    }

    public static void That(bool condition, string message)
    {
        if (!condition) throw new InvalidOperationException(message);
    }
}
