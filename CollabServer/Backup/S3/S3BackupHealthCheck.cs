using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collab.Server.Backup.S3;

/// <summary>
/// <c>/healthz/backup</c>: unhealthy while the latest scheduled run failed. Kept off
/// <c>/readyz</c>: a replica that cannot reach the bucket still serves its users.
/// </summary>
public sealed class S3BackupHealthCheck(S3BackupStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(status.Last switch
        {
            null => HealthCheckResult.Healthy("no S3 backup run yet"),
            { Error: null } ok => HealthCheckResult.Healthy($"last S3 backup ok at {ok.At:O}"),
            var failed => HealthCheckResult.Unhealthy($"last S3 backup failed at {failed.At:O}: {failed.Error}"),
        });
}
