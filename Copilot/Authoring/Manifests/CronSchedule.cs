using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Checks a CronJob schedule the way the CronJob controller parses it: five fields (minute, hour, day of month, month, day of week) or a macro.</summary>
internal static partial class CronSchedule
{
    private static readonly (string Name, int Min, int Max, string[] Names)[] Fields =
    [
        ("minute", 0, 59, []),
        ("hour", 0, 23, []),
        ("day of month", 1, 31, []),
        ("month", 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        ("day of week", 0, 7, ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
    ];

    [GeneratedRegex(@"^@(yearly|annually|monthly|weekly|daily|midnight|hourly|every\s+\S+)$")]
    private static partial Regex Macro();

    [GeneratedRegex(@"^(CRON_)?TZ=\S+\s+")]
    private static partial Regex TimeZonePrefix();

    /// <summary>Why <paramref name="schedule"/> is not a valid schedule, or null when it is.</summary>
    public static string? Problem(string schedule)
    {
        var text = TimeZonePrefix().Replace(schedule.Trim(), "");
        if (Macro().IsMatch(text)) return null;
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
            return fields.Length == 6
                ? "it has six fields; Kubernetes cron has no seconds field (minute hour day-of-month month day-of-week)"
                : $"it has {fields.Length} field(s); a schedule needs five (minute hour day-of-month month day-of-week)";
        for (var i = 0; i < 5; i++)
            if (FieldProblem(fields[i], Fields[i]) is { } problem) return $"the {Fields[i].Name} field \"{fields[i]}\" {problem}";
        return null;
    }

    private static string? FieldProblem(string field, (string Name, int Min, int Max, string[] Names) spec)
    {
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, null),
                [var r, var s] => (r, s),
                _ => (part, "?"),
            };
            if (step is not null && (!int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0))
                return $"has an invalid step \"{step}\"";
            if (range is "*" or "?") continue;
            var bounds = range.Split('-');
            if (bounds.Length > 2) return $"has an invalid range \"{range}\"";
            var values = bounds.Select(b => Value(b, spec)).ToList();
            if (values.Any(v => v is null)) return $"has \"{range}\", which is not a number or name";
            if (values.Any(v => v < spec.Min || v > spec.Max)) return $"is out of range {spec.Min}-{spec.Max}";
            if (values.Count == 2 && values[0] > values[1]) return $"has a backwards range \"{range}\"";
        }
        return null;
    }

    private static int? Value(string token, (string Name, int Min, int Max, string[] Names) spec)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        var index = Array.IndexOf(spec.Names, token.ToLowerInvariant());
        return index < 0 ? null : index + spec.Min;
    }
}
