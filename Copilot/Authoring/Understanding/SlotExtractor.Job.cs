using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>How a Job runs its pods, as stated: how many at a time, how many must finish, how often a failed pod is retried, when the finished Job is removed.</summary>
public static partial class SlotExtractor
{
    // The field's own name, in any language's spelling ("parallelism 4", "paral·lelisme: 4", "Parallelität 4"), or "4 pods at a time".
    [GeneratedRegex(@"(?<![\w])(?:parallelism|paral·?leli\w*|paraleli\w*|parallelis\w*|parallelit\w*)\s*[:=]?\s*(?:(?:of|de|di|od|von|na|to|a)\s+)?(\d{1,4})(?![\w.])|(?<![\w.])(\d{1,4})\s+(?:pods?\s+|podů\s+|podova\s+)?(?:at\s+a\s+time|at\s+once|in\s+parallel|paralel\w*|parallel\w*|najednou|současně|istovremeno|alla\s+volta|alhora|a\s+la\s+vegada|gleichzeitig)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Parallelism();

    // "completions 20", "20 completions", "until 20 have finished".
    [GeneratedRegex(@"(?<![\w])completions?\s*[:=]?\s*(\d{1,5})(?![\w.])|(?<![\w.])(\d{1,5})\s+completions?(?![\w])|(?<![\w])until\s+(\d{1,5})\s+(?:pods?\s+)?(?:have\s+|are\s+)?(?:finished|completed|succeeded|done)", RegexOptions.IgnoreCase)]
    private static partial Regex Completions();

    // "backoffLimit 3", "backoff limit: 3", "retry at most 3 times", "3 retries", "3 pokušaja", "tentativi: 2", "3 Versuche",
    // and an Argo step's "retryStrategy limit 2" / "retryStrategy: {limit: 2}".
    [GeneratedRegex(@"(?<![\w])backoff\s*-?\s*limit\s*[:=]?\s*(\d{1,3})(?![\w.])|(?<![\w])retry\s*-?\s*strategy\W{0,6}limit\W{0,4}(\d{1,3})(?!\w|\.\d)|(?<![\w])(?:retr(?:y|ies)|pokušaj\w*|pokus\w*|opakován\w*|reintent\w*|tentativ\w*|wiederhol\w*|versuch\w*)(?:\s+(?:at\s+most|up\s+to|max\w*|najviše|nejvýše|fino\s+a|com\s+a\s+màxim|höchstens|bis\s+zu)|\s*[:=])?\s+(\d{1,2})(?![\w.])|(?<![\w.])(\d{1,2})\s+(?:retr(?:y|ies)|pokušaj\w*|pokus\w*|reintent\w*|tentativ\w*|versuch\w*|wiederholung\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Retries();

    // "ttl 3600", "ttlSecondsAfterFinished: 86400", "ttl 1h".
    [GeneratedRegex(@"(?<![\w])ttl(?:\s*seconds\s*after\s*finished)?\s*[:=]?\s*(\d{1,7})\s*([a-z]*)", RegexOptions.IgnoreCase)]
    private static partial Regex TtlField();

    // A duration: "an hour", "10 minutes", "10 minuta", "1 hodinu", "una hora", "2 ore", "1 Stunde", "a day".
    [GeneratedRegex(@"(?<![\w])(\d{1,4}|an?|one|jedan|jednu|jeden|jedne|una|un|uno|eine[nm]?|ein)\s*(s|secs?|seconds?|sekund\w*|segons?|secondi|m|mins?|minut\w*|min|h|hours?|hod\w*|sat[ai]?|hor[ae]s?|or[ae]|stunden?|d|days?|dan[a]?|dn[iy]|den|dies|dia|giorn[oi]|tage?n?)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    [GeneratedRegex(@"(?<![\w])(?:after|nakon|po|després|dopo|nach)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex AfterWord();

    // Removing the finished Job: "clean itself up", "delete", "obriše", "smaže", "esborri", "cancella", "löschen", "aufräumen".
    [GeneratedRegex(@"(?<![\w])(?:clean\w*|delet\w*|remov\w*|obri\w*|izbri\w*|smaž\w*|smaz\w*|odstran\w*|esborr\w*|elimin\w*|cancell\w*|rimuov\w*|lösch\w*|losch\w*|aufräum\w*|entfern\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex CleanupWord();

    // A bound on how long the Job may run: "12 hours max", "within 4 hours", "time limit 2h", "2 sata maksimalno", "nejvýše 3 hodiny",
    // "com a màxim 2 hores", "entro 4 ore", "höchstens 6 Stunden", "walltime 4h".
    [GeneratedRegex(@"(?<![\w])(?:max\w*|at\s+most|within|time\s*-?\s*limit|wall\s*-?\s*time|deadline|maksimaln\w*|najviše|unutar|nejvýše|maximáln\w*|màxim\w*|al\s+massimo|massim\w*|entro|höchstens|maximal\w*|innerhalb|zeitlimit)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex LimitWord();

    /// <summary>The Job's stated run settings, or null when it states none.</summary>
    private static JobRunSlot? JobRun(string text)
    {
        var run = new JobRunSlot(FirstNumber(Parallelism(), text), FirstNumber(Completions(), text), FirstNumber(Retries(), text), TtlSeconds(text), DeadlineSeconds(text));
        return run is { Parallelism: null, Completions: null, BackoffLimit: null, TtlSeconds: null, DeadlineSeconds: null } ? null : run;
    }

    /// <summary>
    /// activeDeadlineSeconds: the field written out, or a duration in hours or minutes next to a limit word ("12 hours max",
    /// "within 4 hours"); a duration with a removal word near is the ttl, not a limit.
    /// </summary>
    private static int? DeadlineSeconds(string text)
    {
        if (Regex.Match(text, @"(?<![\w])active\s*-?\s*deadline(?:\s*seconds)?\s*[:=]?\s*(\d{1,7})(?![\w.])", RegexOptions.IgnoreCase) is { Success: true } field)
            return int.Parse(field.Groups[1].Value, CultureInfo.InvariantCulture);
        foreach (Match d in Duration().Matches(text))
        {
            if (UnitSeconds(d.Groups[2].Value) is not (60 or 3600 or 86400) || !int.TryParse(d.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) continue;
            var near = LimitWord().IsMatch(Before(text, d.Index, 16)) || LimitWord().IsMatch(FirstWords(text[(d.Index + d.Length)..], 1));
            var removal = CleanupWord().IsMatch(Before(text, d.Index, 40)) || CleanupWord().IsMatch(text[(d.Index + d.Length)..Math.Min(text.Length, d.Index + d.Length + 40)]);
            if (near && !removal) return count * UnitSeconds(d.Groups[2].Value)!.Value;
        }
        return null;
    }

    private static int? FirstNumber(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m && m.Groups.Values.Skip(1).FirstOrDefault(g => g.Success) is { } g
            ? int.Parse(g.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// ttlSecondsAfterFinished: the field written out, or a duration after which the Job is removed
    /// ("clean itself up an hour after it finishes", "obriše 10 minuta nakon završetka", "nach 1 Stunde löschen"):
    /// a duration next to "after" with a removal word near, so "delete files older than 7 days" is not one.
    /// </summary>
    private static int? TtlSeconds(string text)
    {
        if (TtlField().Match(text) is { Success: true } field)
            return int.Parse(field.Groups[1].Value, CultureInfo.InvariantCulture) * (UnitSeconds(field.Groups[2].Value) ?? 1);
        foreach (Match d in Duration().Matches(text))
        {
            var after = AfterWord().IsMatch(FirstWords(text[(d.Index + d.Length)..], 1)) || AfterWord().Match(Before(text, d.Index, 8)) is { Success: true };
            var removal = CleanupWord().IsMatch(Before(text, d.Index, 40)) || CleanupWord().IsMatch(text[(d.Index + d.Length)..Math.Min(text.Length, d.Index + d.Length + 40)]);
            if (!after || !removal || UnitSeconds(d.Groups[2].Value) is not { } unit) continue;
            var count = int.TryParse(d.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            return count * unit;
        }
        return null;
    }

    private static int? UnitSeconds(string unit) => unit.ToLowerInvariant() switch
    {
        "" => null,
        var u when u.StartsWith('s') && !u.StartsWith("sat", StringComparison.Ordinal) => 1,
        var u when u.StartsWith('m') => 60,
        var u when u.StartsWith('h') || u.StartsWith("sat", StringComparison.Ordinal) || u.StartsWith('o') || u.StartsWith("stund", StringComparison.Ordinal) => 3600,
        var u when u.StartsWith('d') || u.StartsWith('g') || u.StartsWith('t') => 86400,
        _ => null,
    };
}
