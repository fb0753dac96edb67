using System.Globalization;
using Cronos;

namespace Collab.Server.Backup.S3;

/// <summary><c>Backup:S3:Schedule</c> parsed: a fixed interval or a cron expression (UTC).</summary>
public sealed class BackupSchedule
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);
    private readonly TimeSpan? _interval;
    private readonly CronExpression? _cron;

    private BackupSchedule(TimeSpan? interval, CronExpression? cron) => (_interval, _cron) = (interval, cron);

    public static bool TryParse(string? text, out BackupSchedule schedule)
    {
        schedule = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval))
        {
            if (interval < MinInterval) return false;
            schedule = new BackupSchedule(interval, null);
            return true;
        }
        try
        {
            schedule = new BackupSchedule(null, CronExpression.Parse(text.Trim()));
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    /// <summary>When the run after one that started (or the service that started) at <paramref name="last"/> is due.</summary>
    public DateTimeOffset Next(DateTimeOffset last) =>
        _interval is { } interval ? last + interval : _cron!.GetNextOccurrence(last, TimeZoneInfo.Utc) ?? DateTimeOffset.MaxValue;
}
