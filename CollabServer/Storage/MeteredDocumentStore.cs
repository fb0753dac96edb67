using System.Diagnostics;
using Collab.Server.Observability;

namespace Collab.Server.Storage;

/// <summary>
/// Wraps the configured document store to time its calls and count persisted updates and
/// snapshots, so rooms and stores stay free of metrics code. Every update a room accepts and
/// every snapshot (background compaction or the flush before unloading) passes through here.
/// </summary>
public sealed class MeteredDocumentStore(IDocumentStore inner, CollabMetrics metrics) : IDocumentStore
{
    public Task<StoredDocument> LoadAsync(DocumentKey key, long afterSeq = 0, CancellationToken ct = default) =>
        metrics.TimeStoreCallAsync("load", () => inner.LoadAsync(key, afterSeq, ct));

    // Every accepted update passes here: timed inline, without a closure and a second state machine.
    public async Task<AppendedRange> AppendAsync(DocumentKey key, IReadOnlyList<byte[]> updates, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var range = await inner.AppendAsync(key, updates, ct);
            metrics.UpdatesPersisted(updates.Count);
            return range;
        }
        finally
        {
            metrics.RecordStoreCall("append", Stopwatch.GetElapsedTime(started));
        }
    }

    public async Task<bool> CompactAsync(DocumentKey key, byte[] snapshot, long upToSeq, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var written = await metrics.TimeStoreCallAsync("compact", () => inner.CompactAsync(key, snapshot, upToSeq, ct));
            outcome = written ? "ok" : "skipped";
            return written;
        }
        finally
        {
            metrics.RecordCompaction(Stopwatch.GetElapsedTime(started), outcome);
        }
    }

    public async Task<SnapshotFold> FoldAsync(DocumentKey key, Func<StoredDocument, byte[]?> fold, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await metrics.TimeStoreCallAsync("compact", () => inner.FoldAsync(key, fold, ct));
            outcome = result.Written ? "ok" : "skipped";
            return result;
        }
        finally
        {
            metrics.RecordCompaction(Stopwatch.GetElapsedTime(started), outcome);
        }
    }
}
