namespace Collab.Server.Backup.S3;

/// <summary>The outcome of the latest run, for <c>/healthz/backup</c>.</summary>
public sealed class S3BackupStatus
{
    private volatile Outcome? _last;

    public Outcome? Last => _last;

    public void Succeeded(DateTimeOffset at) => _last = new Outcome(at, null);

    public void Failed(DateTimeOffset at, string error) => _last = new Outcome(at, error);

    public sealed record Outcome(DateTimeOffset At, string? Error);
}
