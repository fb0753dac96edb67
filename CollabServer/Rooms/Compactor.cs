using System.Threading.Channels;
using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// Writes snapshots off the rooms' hot path. Each job is one store transaction (snapshot upsert
/// plus deletion of the covered log rows), so a crash in the middle loses and duplicates nothing.
/// </summary>
public sealed class Compactor(IDocumentStore store, ILogger<Compactor> logger) : BackgroundService
{
    private readonly Channel<CompactionJob> _jobs = Channel.CreateUnbounded<CompactionJob>(new() { SingleReader = true });

    public void Enqueue(CompactionJob job)
    {
        if (!_jobs.Writer.TryWrite(job)) job.Done(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
            {
                job.Done(await RunAsync(job, stoppingToken));
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task<bool> RunAsync(CompactionJob job, CancellationToken ct)
    {
        try
        {
            if (!await store.CompactAsync(job.Key, job.Snapshot, job.UpToSeq, ct))
            {
                logger.LogInformation("Skipped compacting {Document}: another node is at it, or a newer snapshot exists", job.Key);
                return false;
            }
            logger.LogInformation("Compacted {Document} up to seq {Seq} into {Bytes} bytes", job.Key, job.UpToSeq, job.Snapshot.Length);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Compaction of {Document} failed; the log stays as it is", job.Key);
            return false;
        }
    }
}
