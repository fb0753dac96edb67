using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Diagnosis.Traces;

/// <summary>
/// Reads chained Python tracebacks. Python prints the exceptions of a chain oldest first and joins them with
/// one of two sentences: "The above exception was the direct cause of the following exception" (the earlier one
/// caused the later: it is the root cause) or "During handling of the above exception, another exception
/// occurred" (the earlier one was being handled — often on purpose, a fallback — when the later one broke: the
/// later one is what failed, the earlier is context). Lines of a handled traceback are no evidence on their own.
/// </summary>
public static partial class TracebackReader
{
    /// <summary>The 1-based lines of tracebacks that were being handled when a later exception occurred.</summary>
    public static IReadOnlySet<int> HandledLines(IReadOnlyList<string> lines)
    {
        var handled = new HashSet<int>();
        var blockStart = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (TraceStart().IsMatch(lines[i]))
            {
                // A traceback that follows one without a joining sentence starts a new chain.
                blockStart = i;
                continue;
            }
            if (blockStart < 0) continue;
            if (DuringHandling().IsMatch(lines[i]))
            {
                for (var j = blockStart; j < i; j++) handled.Add(j + 1);
                blockStart = -1;
            }
            else if (DirectCause().IsMatch(lines[i])) blockStart = -1;
        }
        return handled;
    }

    [GeneratedRegex(@"Traceback \(most recent call last\):")]
    private static partial Regex TraceStart();

    [GeneratedRegex(@"During handling of the above exception, another exception occurred")]
    private static partial Regex DuringHandling();

    [GeneratedRegex(@"The above exception was the direct cause of the following exception")]
    private static partial Regex DirectCause();
}
