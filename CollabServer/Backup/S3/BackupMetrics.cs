using System.Diagnostics.Metrics;
using Collab.Server.Observability;

namespace Collab.Server.Backup.S3;

/// <summary>
/// The S3 backup's instruments, on the server's meter: <c>collab_backup_runs_total{outcome}</c>
/// and <c>collab_backup_last_success_timestamp_seconds</c> (0 until a run succeeded); the
/// <c>CollabBackupFailing</c> alert reads the first. Exported once S3 backups are configured.
/// </summary>
public sealed class BackupMetrics
{
    private readonly Counter<long> _runs;
    private long _lastSuccessUnixSeconds;

    public BackupMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(CollabMetrics.MeterName);
        _runs = meter.CreateCounter<long>("collab.backup.runs", "{run}",
            "Scheduled S3 backup runs, by outcome: ok, error (the log says what failed).");
        meter.CreateObservableGauge("collab.backup.last_success.timestamp", () => Interlocked.Read(ref _lastSuccessUnixSeconds), "s",
            "Unix time at which the last scheduled S3 backup run finished without error; 0 before the first.");
        _runs.Add(0, Outcome("ok"));
        _runs.Add(0, Outcome("error"));
    }

    public void RunSucceeded(DateTimeOffset at)
    {
        Interlocked.Exchange(ref _lastSuccessUnixSeconds, at.ToUnixTimeSeconds());
        _runs.Add(1, Outcome("ok"));
    }

    public void RunFailed() => _runs.Add(1, Outcome("error"));

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("outcome", outcome);
}
