namespace Collab.Server.History;

/// <summary>Which versions of one notebook the retention rules let go (<see cref="RetentionOptions"/>).</summary>
public static class RetentionPlan
{
    public static List<long> ToDelete(IReadOnlyList<NotebookVersion> versions, DateTimeOffset now, RetentionOptions rules)
    {
        var doomed = new List<long>();
        var keptBuckets = new HashSet<(bool Daily, long Bucket)>();
        var keepAll = now - TimeSpan.FromHours(rules.KeepAllHours);
        var hourly = keepAll - TimeSpan.FromDays(rules.HourlyDays);
        var daily = rules.DailyDays > 0 ? hourly - TimeSpan.FromDays(rules.DailyDays) : DateTimeOffset.MinValue;
        // Newest first: the first version seen in a bucket is the one kept.
        foreach (var version in versions.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id))
        {
            if (version.Kind == VersionKind.Checkpoint || version.CreatedAt >= keepAll) continue;
            var at = version.CreatedAt.UtcTicks;
            bool keep = version.CreatedAt >= hourly ? keptBuckets.Add((false, at / TimeSpan.TicksPerHour))
                : version.CreatedAt >= daily && keptBuckets.Add((true, at / TimeSpan.TicksPerDay));
            if (!keep) doomed.Add(version.Id);
        }
        return doomed;
    }
}
