using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Diagnosis.Builds;

/// <summary>
/// Reads BuildKit output. <c>docker build --progress=plain</c> starts each line of a step's output with the step
/// and the seconds since it began (<c>#10 612.8 Killed</c>); the default progress prints the failed step's output
/// again under <c> &gt; [4/7] RUN …:</c> with the seconds alone (<c>0.742 error: …</c>). That prefix is not part of
/// what the command printed, so evidence anchored at the start of a line (a lone <c>Killed</c>) must be read past it.
/// </summary>
public static partial class BuildLogReader
{
    /// <summary>Blanks BuildKit's step prefixes in <paramref name="view"/>, keeping every line's length (quotes are clipped from the pasted lines at the same places).</summary>
    public static void BlankStepPrefixes(string[] view)
    {
        // Seconds alone start many lines of other logs; only in BuildKit output are they a prefix.
        var buildKit = view.Any(BuildKitLine().IsMatch);
        for (var i = 0; i < view.Length; i++)
        {
            var prefix = StepPrefix().Match(view[i]);
            if (!prefix.Success && buildKit) prefix = SecondsPrefix().Match(view[i]);
            if (prefix.Success) view[i] = new string(' ', prefix.Length) + view[i][prefix.Length..];
        }
    }

    /// <summary><c>#12 187.4 </c>: a step's output in plain progress.</summary>
    [GeneratedRegex(@"^#\d+ \d+\.\d+ ")]
    private static partial Regex StepPrefix();

    /// <summary><c>0.742 </c>: a failed step's output repeated by the default progress.</summary>
    [GeneratedRegex(@"^\s*\d+\.\d{3} ")]
    private static partial Regex SecondsPrefix();

    /// <summary>A step header (<c>=&gt; ERROR [4/7]</c>, <c> &gt; [4/7]</c>, <c>#8 [linux/arm64 3/5]</c>) or BuildKit's closing error.</summary>
    [GeneratedRegex(@"^\s*(=> (ERROR )?\[|> \[|#\d+ \[)|\bfailed to solve:")]
    private static partial Regex BuildKitLine();
}
