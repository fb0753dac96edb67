using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>
/// Reads a schedule from words in any of the six languages ("nightly at 03:00", "svaki dan u 2",
/// "každých 15 minut", "cada dilluns a les 9", "ogni venerdì alle 18", "jeden Montag um 6 Uhr")
/// or a cron expression, and writes it as a five-field cron expression.
/// </summary>
public static partial class ScheduleReader
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex EveryN = new(@"(?<![\w])(?:" + Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.Every)) + @")\s+(\d{1,3})\s*(?:(?<min>" +
        Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.Minutes)) + @")|(?<hour>" + Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.Hours)) + @"))(?![\w])", Options);

    private static readonly Regex Hourly = Vocabulary.Words(l => l.Hourly);
    private static readonly Regex Daily = Vocabulary.Words(l => l.Daily);
    private static readonly Regex Nightly = Vocabulary.Words(l => l.Nightly);
    private static readonly Regex Weekly = Vocabulary.Words(l => l.Weekly);
    private static readonly Regex Monthly = Vocabulary.Words(l => l.Monthly);
    private static readonly Regex Weekdays = Vocabulary.Weekdays;
    private static readonly Regex[] Days = Enumerable.Range(0, 7).Select(d => Vocabulary.Words(l => l.Days.Length > d ? l.Days[d] : [])).ToArray();

    // "at 2", "u 2", "ve 3:00", "a les 3", "alle 18", "um 6 Uhr", "at 6am"; a bare "03:00" or "6am" too.
    private static readonly Regex AtTime = new(@"(?<![\w])(?:" + Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.At)) +
        @")\s+(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s*(?<s>am|pm|a\.m\.|p\.m\.|h|uhr|hod\w*|sati)?(?![\w:])", Options);

    // A time in brackets at a line's start is a chat message's timestamp ("[09:14] kim: …"), not a time asked for.
    [GeneratedRegex(@"(?<![\w:.\[])(?<h>[01]?\d|2[0-3])(?::(?<m>[0-5]\d))(?![\w:\]])|(?<![\w:.])(?<h>\d{1,2})\s*(?<s>am|pm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"(?<![\w:*/])((?:[\d*/,\-]+\s+){4}(?:[\d*/,\-]+|[A-Za-z]{3}(?:-[A-Za-z]{3})?))(?![\w:])")]
    private static partial Regex Cron();

    [GeneratedRegex(@"@(yearly|annually|monthly|weekly|daily|midnight|hourly)\b")]
    private static partial Regex CronMacro();

    [GeneratedRegex(@"\b(midnight|ponoć\w*|pulnoc\w*|půlnoc\w*|mitjanit|mezzanotte|mitternacht)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Midnight();

    [GeneratedRegex(@"\b(morning|jutr\w*|ráno|rano|matí|mati|mattin\w*|morgen\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Morning();

    [GeneratedRegex(@"\b(evening|afternoon|tonight|večer\w*|vecer\w*|vespre|sera|abend\w*|pm)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Evening();

    private static readonly Regex MinuteWord = new(@"(?<![\w])(?:" + Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.Minutes)) + @")(?![\w])", Options);

    /// <summary>The minute a number next to a minute word gives ("minuto 15", "15 minut", ":15"), or null.</summary>
    private static int? MinutePastHour(string text)
    {
        foreach (Match word in MinuteWord.Matches(text))
        {
            var after = Regex.Match(text[(word.Index + word.Length)..], @"^\s*(\d{1,2})(?![\w:])");
            var before = Regex.Match(text[..word.Index], @"(?<![\w:])(\d{1,2})\.?\s*$");
            var found = after.Success ? after : before;
            if (found.Success && int.Parse(found.Groups[1].Value, CultureInfo.InvariantCulture) is var m and < 60) return m;
        }
        return Regex.Match(text, @"(?<![\w:])[:.](\d{2})(?![\w:])") is { Success: true } clock && int.Parse(clock.Groups[1].Value, CultureInfo.InvariantCulture) is var c and < 60 ? c : null;
    }

    /// <summary>True when the text states a schedule.</summary>
    public static bool Mentions(string text) => Read(text) is not null;

    /// <summary>The cron expression the text states, or null when it states none.</summary>
    public static string? Read(string text)
    {
        if (CronMacro().Match(text) is { Success: true } macro) return "@" + macro.Groups[1].Value;
        if (Cron().Match(text) is { Success: true } cron) return cron.Groups[1].Value;

        var every = EveryN.Match(text);
        if (every.Success)
        {
            var n = int.Parse(every.Groups[1].Value, CultureInfo.InvariantCulture);
            return every.Groups["hour"].Success ? (n == 1 ? "0 * * * *" : $"0 */{n} * * *") : (n == 1 ? "* * * * *" : $"*/{n} * * * *");
        }
        // "ogni ora al minuto 15", "every hour at minute 15", "jede Stunde zur Minute 15", "každou hodinu v 15 minut": the minute past the hour.
        if (Hourly.IsMatch(text)) return $"{MinutePastHour(text) ?? 0} * * * *";

        var (stated, minute) = Time(text);
        // Without a clock time, "morning" is 6:00 and "evening" 20:00, on any day ("every monday morning").
        var hour = stated ?? (Morning().IsMatch(text) ? 6 : Evening().IsMatch(text) ? 20 : null);
        // "every weekday at 7", "radnim danima u 6:30", "werktags um 6": Monday to Friday.
        if (Weekdays.IsMatch(text)) return $"{minute} {hour ?? 0} * * 1-5";
        var day = Array.FindIndex(Days, d => d.IsMatch(text));
        if (day >= 0) return $"{minute} {hour ?? 0} * * {day}";
        if (Weekly.IsMatch(text)) return $"{minute} {hour ?? 0} * * 0";
        if (Monthly.IsMatch(text)) return $"{minute} {hour ?? 0} 1 * *";
        if (Midnight().IsMatch(text) && stated is null) return "0 0 * * *";
        if (Nightly.IsMatch(text)) return $"{minute} {stated ?? 2} * * *";
        if (Daily.IsMatch(text)) return $"{minute} {hour ?? 0} * * *";
        return null;
    }

    // An IANA zone name ("Europe/Zagreb", "America/New_York", "Etc/UTC"), as a CronJob's spec.timeZone takes it.
    [GeneratedRegex(@"(?<![\w/])((?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Z][A-Za-z_\-]+(?:/[A-Z][A-Za-z_\-]+)?)(?![\w/])")]
    private static partial Regex ZoneName();

    /// <summary>The time zone the text states for its schedule ("at 02:30 Europe/London time"), or null: the controller's own zone then.</summary>
    public static string? TimeZone(string text) => ZoneName().Match(text) is { Success: true } zone ? zone.Groups[1].Value : null;

    /// <summary>A daily schedule at the clock time the text states ("at 23:45"), or null when it states no time.</summary>
    public static string? DailyAtStatedTime(string text) => Time(text) is ({ } hour, var minute) ? $"{minute} {hour} * * *" : null;

    // A number an amount's unit follows ("cap memory at 2 gigs", "at 4 replicas", "at 80%") is not an hour.
    private static readonly Regex AmountUnit = new(@"^\s*(?:[kmgtp]i?b?|tera\w*|mega\w*|v?cpus?|cores?|gpus?|%|" +
        Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.GigaWords.Concat(l.Replicas))) + @")(?![\w])", Options);

    // An hour in digits or as a number word of any language ("4", "vier", "quattro").
    private static readonly string Hour = @"(?<h>\d{1,2}|" + string.Join('|', Vocabulary.Numbers.Where(n => n.Value is > 0 and < 13).Select(n => n.Key).Where(k => k.Length > 2).OrderByDescending(k => k.Length).Select(Regex.Escape)) + ")";

    // Spoken clock times: "alle 4 e 15", "u 4 i 15" (an hour, "and", minutes); "quarter past four", "viertel nach vier", "4 e un quarto",
    // "les 4 i quart" (a quarter past); "half past 4", "4 e mezza", "4 i mitja", "4 i pol" (half past); "halb fünf", "pola pet" (half before the hour);
    // "čtvrt na pět" (a quarter into the hour before).
    private static readonly (Regex Pattern, int Minute, int HourShift)[] Spoken =
    [
        (new(@"(?<![\w])(?:" + Vocabulary.Alternation(Vocabulary.All.SelectMany(l => l.At)) + @")\s+" + Hour + @"\s+(?:" + Vocabulary.And + @")\s+(?<m>[0-5]?\d)(?![\w:%])", Options), -1, 0),
        (new(@"(?<![\w])(?:(?:a\s+)?quarter\s+past|viertel\s+nach)\s+" + Hour + @"(?![\w])", Options), 15, 0),
        (new(@"(?<![\w])" + Hour + @"\s+(?:e|i)\s+(?:un\s+)?(?:quarto|quart|četvrt)(?![\w])", Options), 15, 0),
        (new(@"(?<![\w])half\s+past\s+" + Hour + @"(?![\w])", Options), 30, 0),
        (new(@"(?<![\w])" + Hour + @"\s+(?:e|i)\s+(?:mezz[ao]|mitja|pol)(?![\w])", Options), 30, 0),
        (new(@"(?<![\w])(?:halb|pola)\s+" + Hour + @"(?![\w])", Options), 30, -1),
        // "čtvrt na pět": a quarter into the hour before the one named.
        (new(@"(?<![\w])(?:čtvrt|ctvrt)\s+na\s+" + Hour + @"(?![\w])", Options), 15, -1),
    ];

    private static (int? Hour, int Minute)? SpokenTime(string text)
    {
        foreach (var (pattern, minute, shift) in Spoken)
        {
            // "u 2 i 3 replike": a count with its unit after it is no minute.
            if (pattern.Match(text) is not { Success: true } m || AmountUnit.IsMatch(text[(m.Index + m.Length)..])) continue;
            var hour = Counting.Value(m.Groups["h"].Value) ?? 0;
            var stated = minute >= 0 ? minute : int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            return ((hour + shift + 24) % 24, stated);
        }
        return null;
    }

    private static (int? Hour, int Minute) Time(string text)
    {
        if (SpokenTime(text) is { } spoken) return spoken;
        var m = AtTime.Matches(text).FirstOrDefault(t => !AmountUnit.IsMatch(text[(t.Index + t.Length)..])) ?? Match.Empty;
        if (!m.Success) m = ClockTime().Match(text);
        if (!m.Success) return (null, 0);
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var suffix = m.Groups["s"].Value.ToLowerInvariant();
        if (suffix.StartsWith('p') && hour < 12) hour += 12;
        if (suffix.StartsWith('a') && hour == 12) hour = 0;
        // "every evening at 8" means 20:00.
        if (!suffix.StartsWith('a') && !suffix.StartsWith('p') && hour < 12 && !m.Groups["m"].Success && Evening().IsMatch(text)) hour += 12;
        return (hour % 24, minute % 60);
    }
}
