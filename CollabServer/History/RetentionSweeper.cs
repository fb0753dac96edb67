using Microsoft.Extensions.Options;

namespace Collab.Server.History;

/// <summary>
/// Thins old versions by <see cref="RetentionOptions"/> every <c>History:Retention:SweepMinutes</c>.
/// Every replica may sweep: deleting a version twice deletes it once.
/// </summary>
public sealed class RetentionSweeper(IVersionStore store, IOptions<HistoryOptions> options, TimeProvider clock,
    ILogger<RetentionSweeper> logger) : BackgroundService
{
    private const int Page = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.Retention.SweepMinutes), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "The version retention sweep failed; it runs again at the next interval");
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>One pass over every notebook with versions; returns how many versions went.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var deleted = 0;
        foreach (var key in await store.DocumentsAsync(ct))
        {
            var versions = new List<NotebookVersion>();
            for (long? before = null; ;)
            {
                var page = await store.ListAsync(key, before, Page, ct);
                versions.AddRange(page);
                if (page.Count < Page) break;
                before = page[^1].Id;
            }
            deleted += await store.DeleteAsync(key, RetentionPlan.ToDelete(versions, clock.GetUtcNow(), options.Value.Retention), ct);
        }
        if (deleted > 0) logger.LogInformation("Retention removed {Count} old notebook versions", deleted);
        return deleted;
    }
}
