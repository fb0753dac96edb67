using System.Threading.Channels;
using Collab.Crdt;
using Collab.Server.Limits;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Rooms;

/// <summary>
/// Writes snapshots entirely off the rooms' hot path: it reads the document's snapshot and log from
/// the store (under the document's compaction claim, <see cref="IDocumentStore.FoldAsync"/>), folds
/// them into a fresh Doc here and writes the result, so no edit in the room waits
/// on encoding a large document. Each write is one store transaction (snapshot upsert plus deletion
/// of the covered log rows), so a crash in the middle loses and duplicates nothing.
/// </summary>
public sealed class Compactor(IDocumentStore store, IOptions<LimitOptions> limits, ILogger<Compactor> logger) : BackgroundService
{
    private readonly Channel<CompactionJob> _jobs = Channel.CreateUnbounded<CompactionJob>(new() { SingleReader = true });

    public void Enqueue(CompactionJob job)
    {
        if (!_jobs.Writer.TryWrite(job)) job.Done(CompactionOutcome.Failed);
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

    private async Task<CompactionOutcome> RunAsync(CompactionJob job, CancellationToken ct)
    {
        try
        {
            // The store reads the document only under its compaction claim: of the replicas whose
            // rooms ask at once, one loads and folds it and the others return without reading it.
            // Fewer entries than asked for: another replica compacted it a moment ago.
            var fold = await store.FoldAsync(job.Key, stored => stored.Log.Count < job.MinEntries ? null : Fold(stored), ct);
            if (!fold.Claimed)
            {
                // Another replica holds the document's compaction right now; its snapshot covers this log.
                logger.LogInformation("Skipped compacting {Document}: another node is at it", job.Key);
                return new CompactionOutcome(false, 0, 0);
            }
            if (!fold.Written) return new CompactionOutcome(false, 0, fold.LogEntries);
            logger.LogInformation("Compacted {Document}: {Entries} log entries into {Bytes} bytes", job.Key, fold.LogEntries, fold.SnapshotBytes);
            return new CompactionOutcome(true, fold.SnapshotBytes, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Compaction of {Document} failed; the log stays as it is", job.Key);
            return CompactionOutcome.Failed;
        }
    }

    /// <summary>The stored state as one update, through a Doc so deleted content is garbage-collected as in the room.</summary>
    private byte[] Fold(StoredDocument stored)
    {
        var doc = new Doc(new DocOptions { MaxNestingDepth = limits.Value.MaxNestingDepth, MaxPendingBytes = limits.Value.MaxPendingBytes });
        doc.Transact(_ =>
        {
            if (stored.Snapshot is not null) doc.ApplyStoredUpdate(stored.Snapshot);
            foreach (var entry in stored.Log) doc.ApplyStoredUpdate(entry.Update);
        }, origin: null, local: false);
        return doc.EncodeStateAsUpdate();
    }
}
