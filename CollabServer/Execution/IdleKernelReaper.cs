using Microsoft.Extensions.Options;

namespace Collab.Server.Execution;

/// <summary>Every minute, shuts down kernels idle longer than <c>Jupyter:IdleKernelMinutes</c>, freeing the project's kernel slots.</summary>
public sealed class IdleKernelReaper(ExecutionService execution, IOptions<JupyterOptions> options, ILogger<IdleKernelReaper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || options.Value.IdleKernelMinutes == 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var stopped = await execution.ShutDownIdleAsync(stoppingToken);
                if (stopped > 0) logger.LogInformation("Shut down {Count} idle kernels", stopped);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Shutting down idle kernels failed");
            }
        }
    }
}
