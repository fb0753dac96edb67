using Collab.Server.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collab.Server.Health;

/// <summary>Ready means the store answers: without it no update can be acknowledged.</summary>
public sealed class StoreHealthCheck(IStoreMaintenance store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy($"{store.Backend} reachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{store.Backend} unreachable", ex);
        }
    }
}
