using Microsoft.Extensions.Options;

namespace Collab.Server.Backup.S3;

/// <summary>
/// Runs <see cref="S3BackupRunner"/> on <c>Backup:S3:Schedule</c>. Every replica would run it,
/// so give the setting to one (or run a separate instance for backups); the archives of two
/// replicas would only be duplicates, never wrong.
/// </summary>
public sealed class S3BackupScheduler(S3BackupRunner runner, IOptions<S3BackupOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        BackupSchedule.TryParse(options.Value.Schedule, out var schedule); // validated at start
        var last = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.Next(last);
            // In steps of at most a day: Task.Delay takes no more than about 24 days at once.
            for (var wait = next - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = next - clock.GetUtcNow())
                await Task.Delay(wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1), clock, stoppingToken);
            // From when this run starts: a run longer than the interval delays the next rather than stacking up.
            last = clock.GetUtcNow();
            await runner.RunOnceAsync(stoppingToken);
        }
    }
}
