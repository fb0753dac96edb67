using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Error states named in words: "OOMKilled", "CrashLoopBackOff", "Evicted" are words the diagnoser knows on their own,
/// while a quoted error message ("Failed to initialize NVML: Unknown Error") is known through a phrase. A message that
/// only names states asks what they mean or what to do; one that quotes a message reports an error.
/// </summary>
internal static partial class ErrorStates
{
    /// <summary>The diagnoser knows <paramref name="words"/> only through single words that name a state.</summary>
    public static bool OnlyNamed(string words)
    {
        var names = Word().Matches(words).Where(w => ErrorDiagnoser.Diagnose(w.Value).IsKnown).Select(w => w.Index).ToHashSet();
        if (names.Count == 0) return false;
        var rest = Word().Replace(words, w => names.Contains(w.Index) ? " " : w.Value);
        return !ErrorDiagnoser.Diagnose(rest).IsKnown;
    }

    [GeneratedRegex(@"(?<![\w\-./:])\p{L}[\p{L}\d]+(?![\w\-./:])")]
    private static partial Regex Word();
}
