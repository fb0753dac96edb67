using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>What the container runs and with what: its command or script, env pairs, Secrets loaded as env, the Kueue queue it waits in.</summary>
public static partial class SlotExtractor
{
    [GeneratedRegex(@"([\w\-/]+\.(?:py|sh|R|jl))\b")]
    private static partial Regex Script();

    /// <summary>Secrets to load as environment variables: "mount the secret viz-creds as env", "tajnu grafana-admin kao env varijable", "secret api-keys als Umgebungsvariablen".</summary>
    private static IReadOnlyList<string> EnvFromSecrets(string text)
    {
        if (!Vocabulary.EnvWord.IsMatch(text)) return [];
        var result = new List<string>();
        foreach (Match m in Vocabulary.SecretNoun.Matches(text))
        {
            var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s*(?:(?:named|called|imena|jménem|anomenat|chiamato|namens)\s+)?[`""']?([a-z0-9][a-z0-9.\-]*[a-z0-9])(?![\w])", I);
            if (!after.Success) continue;
            var name = after.Groups[1].Value.ToLowerInvariant();
            if (Stop.Contains(name) || Vocabulary.EnvWord.Match(name).Length == name.Length || result.Contains(name)) continue;
            result.Add(name);
        }
        return result;
    }

    private static string? Queue(string text)
    {
        var named = Match(text, @"\bqueue(?:-name)?\s*(?:named|called|:|=)?\s*[`""']([a-z0-9][a-z0-9\-]*)[`""']")
            ?? Match(text, @"\b(?:local\s?)?queue\s+(?:named|called)\s+([a-z0-9][a-z0-9\-]*)");
        if (named is not null) return named;
        var inQueue = Match(text, @"\b(?:in|on|to|via|through|into)\s+(?:the\s+|our\s+|my\s+)?([a-z0-9][a-z0-9\-]*)\s+(?:local\s?)?queue\b");
        if (inQueue is not null && !Stop.Contains(inQueue) && inQueue is not "kueue" and not "gpu") return inQueue.ToLowerInvariant();
        // "queue research", "u redu research", "ve frontě vision", "a la cua bsc", "nella coda infn", "in der Queue nlp"
        // "queue research", "kueue queue team-llm", "u redu research", "fronta nlp", "a la cua bsc", "nella coda infn", "in der Queue nlp"
        const string queueWord = @"queue|kueue|redu|red|fronta|frontě|fronte|frontu|cua|coda|warteschlange";
        foreach (Match m in Regex.Matches(text, @"(?<![\w])(?:" + queueWord + @")(?=[\s():]+[`""']?([a-z][a-z0-9\-]*))", I))
        {
            var after = m.Groups[1].Value.ToLowerInvariant();
            if (!Stop.Contains(after) && after is not "label" and not "name" && !Regex.IsMatch(after, "^(?:" + queueWord + ")$", I)) return after;
        }
        return Regex.IsMatch(text, @"\b(kueue|queue)\b", I) ? "default" : null;
    }

    private static IReadOnlyList<string> Command(string text)
    {
        var quoted = Match(text, @"\b(?:runs?|running|command|executes?|executing|that runs|with command)\s*:?\s*`([^`]+)`")
            ?? Match(text, @"\b(?:runs?|running|command|executes?|executing)\s*:?\s*""([^""]+)""")
            ?? Match(text, @"(?<![\w])(?:" + Vocabulary.CommandWord + @")\s*:?\s*[`""]([^`""\n]+)[`""]");
        // A requirement line "command: find /scratch -mtime +7 -delete" (a bullet, a table row): the rest of the line, as written.
        var line = quoted ?? Match(text, @"(?m)^[ \t]*(?:[-*•][ \t]*)?(?:" + Vocabulary.CommandWord + @")[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*\r?$");
        // "command: [\"python\", \"train.py\"]": an exec-form array, its items as written.
        if (line is not null && JsonArray(line) is { } argv) return argv;
        var bare = line ?? ArgvAfterCommandWord(text) ?? Match(text, @"\b(?:runs?|running|executes?)\s+((?:python3?|bash|sh|torchrun|accelerate|node|java|deepspeed)\s+[^,;]+?)(?=\s*(?:,|;|$|\bwith\b|\bin the\b|\bon\b|\bevery\b|\bat\b))");
        if (bare is not null)
            return bare.IndexOfAny(['|', '&', ';', '>', '<', '$', '*']) >= 0 ? ["/bin/sh", "-c", bare] : bare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Script().Match(text) is not { Success: true } script) return [];
        var file = script.Groups[1].Value;
        return file.EndsWith(".py", StringComparison.Ordinal) ? ["python", file] : file.EndsWith(".sh", StringComparison.Ordinal) ? ["/bin/sh", file] : [];
    }

    /// <summary>The container's args stated on a line of their own ("- args: [\"--epochs\", \"20\"]", "args: --epochs 20").</summary>
    private static IReadOnlyList<string> Args(string text) =>
        Match(text, @"(?m)^[ \t]*(?:[-*•][ \t]*)?args[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*\r?$") is { } args
            ? JsonArray(args) ?? [.. args.Split(' ', StringSplitOptions.RemoveEmptyEntries)] : [];

    // ["python", "train.py"]: an exec-form array, as a Dockerfile or a manifest writes it.
    private static List<string>? JsonArray(string text)
    {
        if (!Regex.IsMatch(text, @"^\[\s*(?:""[^""]*""\s*,?\s*)*\]$")) return null;
        return Regex.Matches(text, @"""([^""]*)""").Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>
    /// The command line a command word introduces without a colon or quotes ("příkaz python eval.py --split test, 8 GiB",
    /// "naredba rm -rf /scratch/tmp", "que executi python train.py --epochs 50 amb la imatge …"): a program, then the
    /// tokens that read as its arguments (flags, a flag's value, paths, files, numbers), up to the first word of prose.
    /// Null unless the program has at least one argument, so "runs nightly" or "spustí zálohu" state no command.
    /// </summary>
    private static string? ArgvAfterCommandWord(string text)
    {
        foreach (Match m in Regex.Matches(text, @"(?<![\w])(?:" + Vocabulary.CommandWord + @")[ \t]+([^\n,;]+)", I))
        {
            var tokens = m.Groups[1].Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2 || !Regex.IsMatch(tokens[0], @"^[a-z][\w.\-]*$", I) || Stop.Contains(tokens[0])) continue;
            var argv = new List<string> { tokens[0] };
            foreach (var token in tokens.Skip(1))
            {
                var flagValue = argv[^1].StartsWith('-') && !token.StartsWith('-') && Regex.IsMatch(token, @"^[\w.:/=+\-*]+$");
                if (!flagValue && !Regex.IsMatch(token, @"^(?:-{1,2}[\w\-]+(?:=\S+)?|\S*[./=]\S*|\d+)$")) break;
                argv.Add(token);
            }
            if (argv.Count > 1) return string.Join(' ', argv).TrimEnd('.');
        }
        return null;
    }

    private static Dictionary<string, string> Pairs(string text, bool upperOnly)
    {
        var pattern = upperOnly ? @"\b([A-Z][A-Z0-9_]*)=(""[^""]*""|'[^']*'|[^\s,;]+)" : @"\b([A-Za-z_][\w.\-]*)=(""[^""]*""|'[^']*'|[^\s,;]+)";
        var pairs = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(text, pattern))
            // An unquoted value ends before the full stop of its sentence ("add env LOG_LEVEL=debug.").
            pairs[m.Groups[1].Value] = m.Groups[2].Value[0] is '"' or '\'' ? m.Groups[2].Value.Trim('"', '\'') : m.Groups[2].Value.TrimEnd('.');
        return pairs;
    }
}
