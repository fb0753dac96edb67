using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>Turns schedule phrases ("every night at 2", "every 15 minutes", "weekly on sunday at 3:30") into cron expressions.</summary>
internal static partial class ScheduleParser
{
    private static readonly string[] Days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    [GeneratedRegex(@"(?<![\w:])((?:[\d*/,\-]+\s+){4}(?:[\d*/,\-]+|[A-Za-z]{3}(?:-[A-Za-z]{3})?))(?![\w:])")]
    private static partial Regex CronPattern();

    [GeneratedRegex(@"\bat\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|h|o'clock)?", RegexOptions.IgnoreCase)]
    private static partial Regex AtTime();

    [GeneratedRegex(@"\bevery\s+(\d+)\s*(minutes?|mins?|hours?|h)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EveryN();

    [GeneratedRegex(@"\b(every (night|day|morning|evening|hour|week|month|minute)|nightly|daily|hourly|weekly|monthly|each (night|day)|midnight|every (sunday|monday|tuesday|wednesday|thursday|friday|saturday)|on (sundays|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays)|every \d+ (minutes?|hours?)|cron|schedule)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SchedulePhrase();

    public static bool MentionsSchedule(string text) => SchedulePhrase().IsMatch(text) || CronPattern().IsMatch(text);

    /// <summary>The cron expression for the text, or null when it names no schedule.</summary>
    public static string? Parse(string text)
    {
        var quoted = Regex.Match(text, @"[""'`]((?:[\d*/,\-]+\s+){4}[\d*/,\-A-Za-z]+)[""'`]");
        if (quoted.Success) return quoted.Groups[1].Value;
        if (CronPattern().Match(text) is { Success: true } cron) return cron.Groups[1].Value;

        var lower = text.ToLowerInvariant();
        var every = EveryN().Match(lower);
        if (every.Success)
        {
            var n = int.Parse(every.Groups[1].Value);
            return every.Groups[2].Value.StartsWith('h') ? $"0 */{n} * * *" : $"*/{n} * * * *";
        }
        if (Regex.IsMatch(lower, @"\b(hourly|every hour)\b")) return "0 * * * *";
        if (Regex.IsMatch(lower, @"\bevery minute\b")) return "* * * * *";

        var (hour, minute) = Time(lower);
        var day = Array.FindIndex(Days, d => Regex.IsMatch(lower, $@"\b(every|on) {d}s?\b|\b{d}s\b"));
        if (day >= 0) return $"{minute} {hour ?? 0} * * {day}";
        if (Regex.IsMatch(lower, @"\b(weekly|every week)\b")) return $"{minute} {hour ?? 0} * * 0";
        if (Regex.IsMatch(lower, @"\b(monthly|every month)\b")) return $"{minute} {hour ?? 0} 1 * *";
        if (Regex.IsMatch(lower, @"\bmidnight\b")) return "0 0 * * *";
        if (Regex.IsMatch(lower, @"\b(every (night|day|morning|evening)|nightly|daily|each (night|day))\b"))
        {
            var defaultHour = lower.Contains("morning") ? 6 : lower.Contains("evening") ? 20 : lower.Contains("night") ? 2 : 0;
            return $"{minute} {hour ?? defaultHour} * * *";
        }
        return hour is null ? null : $"{minute} {hour} * * *";
    }

    private static (int? Hour, int Minute) Time(string lower)
    {
        var m = AtTime().Match(lower);
        if (!m.Success) return (null, 0);
        var hour = int.Parse(m.Groups[1].Value);
        var minute = m.Groups[2].Success ? int.Parse(m.Groups[2].Value) : 0;
        var suffix = m.Groups[3].Value;
        if (suffix.StartsWith('p') && hour < 12) hour += 12;
        if (suffix.StartsWith('a') && hour == 12) hour = 0;
        // "every evening at 8" means 20:00.
        if (!suffix.StartsWith('a') && hour < 12 && Regex.IsMatch(lower, @"\b(evening|afternoon|tonight)\b")) hour += 12;
        return (hour % 24, minute % 60);
    }
}
