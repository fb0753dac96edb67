using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>A kubectl command line split into its positional words, its flags and what follows <c>--</c>, and where it ends in the text.</summary>
public sealed partial record KubectlCommand
{
    // "kubectl …" to the end of its line, with backslash-newline continuations; a dash of prose ("— as a deployment please") ends it.
    private static readonly Regex Line = new(@"(?:^|(?<=[\s`$>]))kubectl\s+(?:\\\r?\n|[^\n`—–])+", RegexOptions.CultureInvariant);

    // kubectl flags that take no value; every other flag takes the next word unless written as --flag=value.
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
    {
        "--command", "--expose", "--rm", "-i", "-t", "-it", "-ti", "--stdin", "--tty", "--save-config", "--record", "--dry-run", "--attach", "--privileged", "-q", "--quiet",
    };

    private sealed record CommandLine(List<string> Positional, List<(string Flag, string Value)> Flags, List<string> AfterDashes, int End)
    {
        public string? Flag(params string[] names) => Flags.LastOrDefault(f => names.Contains(f.Flag)).Value;
        public IEnumerable<string> All(string name) => Flags.Where(f => f.Flag == name).Select(f => f.Value);
    }

    private static CommandLine Split(Match match)
    {
        var words = ContainerRun.ShellWords(Regex.Replace(match.Value, @"\\\r?\n", " "));
        var positional = new List<string>();
        var flags = new List<(string Flag, string Value)>();
        var afterDashes = new List<string>();
        var end = match.Length;
        for (var at = 1; at < words.Count; at++)
        {
            var word = words[at];
            if (word == "--") { afterDashes.AddRange(words.Skip(at + 1)); break; }
            if (!word.StartsWith('-') || word == "-")
            {
                // A word beyond the verb's own positional words is prose written after the command on its line.
                if (positional.Count >= PositionalCount(positional)) { end = Offset(match.Value, words, at); break; }
                positional.Add(word);
                continue;
            }
            var (flag, value) = word.StartsWith("--", StringComparison.Ordinal) && word.IndexOf('=') is var eq and > 0 ? (word[..eq], word[(eq + 1)..]) : (word, null);
            if (Switches.Contains(flag)) { flags.Add((flag, value ?? "true")); continue; }
            if (value is null)
            {
                if (at + 1 >= words.Count) break;
                value = words[++at];
            }
            flags.Add((flag, value));
        }
        return new CommandLine(positional, flags, afterDashes, end);
    }

    // How many positional words the verb takes, kubectl included: "create deployment NAME", "create service TYPE NAME",
    // "create secret TYPE NAME", "run NAME", "expose TYPE NAME" or "expose TYPE/NAME".
    private static int PositionalCount(List<string> positional) => positional.ElementAtOrDefault(0)?.ToLowerInvariant() switch
    {
        "create" => positional.ElementAtOrDefault(1)?.ToLowerInvariant() is "service" or "svc" or "secret" ? 4 : 3,
        "run" => 2,
        "expose" => positional.ElementAtOrDefault(1)?.Contains('/') == true ? 2 : 3,
        _ => int.MaxValue,
    };

    // Where words[index] starts in the command line: each word is found after the one before it (quotes are dropped from words, so a quoted word is found inside its quotes).
    private static int Offset(string line, List<string> words, int index)
    {
        var cursor = 0;
        for (var i = 0; i <= index; i++)
        {
            var at = line.IndexOf(words[i], cursor, StringComparison.Ordinal);
            if (at < 0) continue;
            if (i == index) return at;
            cursor = at + words[i].Length;
        }
        return line.Length;
    }
}
