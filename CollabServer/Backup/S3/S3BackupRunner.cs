using Collab.Server.Projects;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup.S3;

/// <summary>
/// One backup run: every project as a signed archive and the whole database as a dump, each
/// staged in a temp file, sealed with AES-GCM when <c>Backup:S3:EncryptionKey</c> is set,
/// uploaded, and then retention applied to its series. A project that fails is logged and the
/// others go on; the run then counts as failed.
/// </summary>
public sealed class S3BackupRunner(
    BackupBucket bucket, IProjectStore projects, ProjectBackupWriter writer, IDatabaseDump dump, BackupMetrics metrics,
    S3BackupStatus status, IOptions<S3BackupOptions> options, TimeProvider clock, ILogger<S3BackupRunner> log)
{
    /// <summary>Who the archives say exported them.</summary>
    public const string ExportedBy = "collab-backup";

    private readonly S3BackupOptions _options = options.Value;
    private readonly BackupCipher? _cipher = options.Value.EncryptionKey is { Length: > 0 } key ? new BackupCipher(key) : null;

    /// <summary>Runs once; never throws except for cancellation (failures are logged, counted and kept for the health check).</summary>
    public async Task RunOnceAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var failures = new List<string>();
        try
        {
            if (_options.Projects)
                foreach (var project in await projects.ListAllAsync(ct))
                    await TryAsync(failures, $"project '{project.Id}'", ct, () =>
                        UploadAsync(BackupObjectKey.ProjectSeries(_options.Prefix, project.Id), ".zip", started,
                            file => WriteArchiveAsync(project.Id, file, ct), ct));
            if (_options.Database)
                await TryAsync(failures, "database dump", ct, () =>
                    UploadAsync(BackupObjectKey.DatabaseSeries(_options.Prefix), dump.Extension, started, file => dump.DumpAsync(file, ct), ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failures.Add(Describe(ex));
            log.LogError(ex, "S3 backup to {Bucket} failed: {Reason}", bucket.Describe(), Describe(ex));
        }
        if (failures.Count == 0)
        {
            metrics.RunSucceeded(clock.GetUtcNow());
            status.Succeeded(clock.GetUtcNow());
        }
        else
        {
            metrics.RunFailed();
            status.Failed(clock.GetUtcNow(), string.Join("; ", failures));
        }
    }

    private async Task TryAsync(List<string> failures, string what, CancellationToken ct, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            failures.Add($"{what}: {Describe(ex)}");
            log.LogError(ex, "S3 backup of {What} to {Bucket} failed: {Reason}", what, bucket.Describe(), Describe(ex));
        }
    }

    private async Task WriteArchiveAsync(string projectId, string file, CancellationToken ct)
    {
        await using var output = File.Create(file);
        await writer.WriteAsync(projectId, ExportedBy, output, ct);
    }

    private async Task UploadAsync(string series, string extension, DateTimeOffset stamp, Func<string, Task> produce, CancellationToken ct)
    {
        var key = new BackupObjectKey(series, stamp, extension, _cipher is not null);
        var plain = TempPath();
        var sealedFile = TempPath();
        try
        {
            await produce(plain);
            if (_cipher is not null)
            {
                await using (var input = File.OpenRead(plain))
                await using (var output = File.Create(sealedFile))
                    await _cipher.EncryptAsync(input, output, ct);
            }
            await bucket.PutAsync(key.Key, _cipher is null ? plain : sealedFile, ct);
            log.LogInformation("Backed up {Key} to {Bucket}", key.Key, bucket.Describe());
        }
        finally
        {
            File.Delete(plain);
            File.Delete(sealedFile);
        }
        await ApplyRetentionAsync(series, ct);
    }

    /// <summary>Deletes what <c>KeepLast</c> and <c>KeepDays</c> no longer keep; the newest backup of a series always stays.</summary>
    private async Task ApplyRetentionAsync(string series, CancellationToken ct)
    {
        var backups = (await bucket.ListAsync(series, ct))
            .Select(BackupObjectKey.TryParse)
            .Where(k => k is not null && k.Series == series)
            .OrderByDescending(k => k!.Time)
            .ToList();
        var oldest = _options.KeepDays > 0 ? clock.GetUtcNow().AddDays(-_options.KeepDays) : DateTimeOffset.MinValue;
        for (var i = 1; i < backups.Count; i++)
        {
            var backup = backups[i]!;
            if ((_options.KeepLast > 0 && i >= _options.KeepLast) || backup.Time < oldest)
            {
                await bucket.DeleteAsync(backup.Key, ct);
                log.LogInformation("Deleted {Key} from {Bucket} (retention)", backup.Key, bucket.Describe());
            }
        }
    }

    /// <summary>The S3 error code first (InvalidAccessKeyId, NoSuchBucket, AccessDenied): it names the fix.</summary>
    private static string Describe(Exception ex) => ex is Amazon.S3.AmazonS3Exception s3
        ? $"{s3.ErrorCode} ({(int)s3.StatusCode}): {s3.Message}"
        : ex.Message;

    private static string TempPath() => Path.Combine(Path.GetTempPath(), $"collab-s3-backup-{Guid.NewGuid():N}");
}
