namespace Collab.Server.History;

/// <summary>
/// Thinning of old versions (section <c>History:Retention</c>): every version of the last
/// <see cref="KeepAllHours"/>, the newest of each hour for <see cref="HourlyDays"/> days, the
/// newest of each day after that, for <see cref="DailyDays"/> days (0: for ever). Named checkpoints are always kept.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary><c>History:Retention:KeepAllHours</c>.</summary>
    public double KeepAllHours { get; set; } = 24;

    /// <summary><c>History:Retention:HourlyDays</c>.</summary>
    public double HourlyDays { get; set; } = 7;

    /// <summary><c>History:Retention:DailyDays</c>: 0 keeps one version a day for ever.</summary>
    public double DailyDays { get; set; } = 0;

    /// <summary><c>History:Retention:SweepMinutes</c>: how often the sweep runs.</summary>
    public double SweepMinutes { get; set; } = 60;
}
