using Collab.Crdt;
using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// The room's side of scale-out: other nodes' appends and awareness arrive through the
/// <see cref="IRoomBus"/>, are put in log order by the <see cref="UpdateChain"/>, applied to the
/// Doc and fanned out to this node's clients. A gap is never skipped: if the missing append does
/// not turn up within <see cref="GapGrace"/> (appends from two nodes may cross on the way), or
/// the bus says it may have dropped messages, the room reloads from the store what lies past its
/// head (only that, not the whole document), inside the actor, so no other work runs until it has.
/// </summary>
public sealed partial class Room
{
    private static readonly TimeSpan GapGrace = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ResyncRetry = TimeSpan.FromSeconds(1);
    private static readonly object RemoteOrigin = new();
    private bool _gapCheckScheduled;

    /// <summary>The room's position in its document's log: the Doc holds every entry up to here.</summary>
    public long Head => _chain.Head;

    /// <summary>Another node made these updates durable at <paramref name="range"/>.</summary>
    internal void ReceiveUpdates(AppendedRange range, IReadOnlyList<byte[]> updates) => PostQuietly(() =>
    {
        ApplyLinks(_chain.Offer(new ChainLink(range, updates)));
        _persistence.MaybeCompact();
        return Task.CompletedTask;
    });

    /// <summary>Another node's client changed its awareness (or left).</summary>
    internal void ReceiveAwareness(byte[] update) => PostQuietly(() =>
    {
        try { _awareness.ApplyUpdate(update, RemoteOrigin); }
        catch (CrdtFormatException) { return Task.CompletedTask; } // validated by the node that published it
        Broadcast(new PeerMessage(PeerMessageKind.Awareness, update), except: null);
        return Task.CompletedTask;
    });

    /// <summary>The bus may have lost messages (it reconnected): catch up from the store.</summary>
    internal void Resync(string reason) => PostQuietly(() => ResyncAsync(reason));

    private void ApplyLinks(List<ChainLink> links)
    {
        foreach (var link in links)
        {
            if (link.Updates is not null) ApplyRemote(link.Updates);
        }
        if (_chain.HasGap) ScheduleGapCheck();
    }

    private void ApplyRemote(IReadOnlyList<byte[]> updates)
    {
        _emitted.Clear();
        _doc.Transact(_ =>
        {
            foreach (var update in updates)
            {
                _doc.ApplyStoredUpdate(update, RemoteOrigin); // checked by the node that accepted it
                _persistence.CountAppended(update);
            }
        }, RemoteOrigin, local: false);
        foreach (var delta in _emitted) Broadcast(new PeerMessage(PeerMessageKind.Update, delta), except: null);
        _emitted.Clear();
        _onEdited(Key, []); // the node that accepted them noted their authors
    }

    private void ScheduleGapCheck()
    {
        if (_gapCheckScheduled) return;
        _gapCheckScheduled = true;
        var head = _chain.Head;
        _ = Task.Delay(GapGrace, _time).ContinueWith(_ => PostQuietly(async () =>
        {
            _gapCheckScheduled = false;
            if (!_chain.HasGap) return;
            if (_chain.Head == head) await ResyncAsync("sequence gap");
            else ScheduleGapCheck(); // moving, just not caught up yet
        }), TaskScheduler.Default);
    }

    private async Task ResyncAsync(string reason)
    {
        StoredDocument stored;
        try
        {
            stored = await _store.LoadAsync(Key, afterSeq: _chain.Head);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Resync of {Document} ({Reason}) could not read the store; retrying", Key, reason);
            _ = Task.Delay(ResyncRetry, _time).ContinueWith(_ => Resync(reason), TaskScheduler.Default);
            return;
        }
        var from = _chain.Head;
        var head = stored.Log.Count > 0 ? stored.Log[^1].Seq : stored.SnapshotSeq;
        var missing = new List<byte[]>();
        if (stored.Snapshot is not null && stored.SnapshotSeq > from) missing.Add(stored.Snapshot);
        missing.AddRange(stored.Log.Where(e => e.Seq > from).Select(e => e.Update));
        if (missing.Count > 0) ApplyRemote(missing);
        if (stored.Snapshot is not null) _persistence.Resynced(stored.Snapshot, stored.Log.Count); // otherwise ApplyRemote counted the new entries
        ApplyLinks(_chain.Reset(head));
        _logger.LogInformation("Resynced {Document} from the store ({Reason}): head {From} -> {To}, {Entries} entries applied",
            Key, reason, from, _chain.Head, missing.Count);
        _onResynced(reason);
    }

    /// <summary>Posts bus work; a closed room simply drops it.</summary>
    private void PostQuietly(Func<Task> action) =>
        _inbox.Writer.TryWrite(new ActionWork<bool>(async () => { await action(); return true; }));

    /// <summary>Posts a quick state change (a compaction's outcome); a closed room simply drops it.</summary>
    private void PostChange(Action action) =>
        _inbox.Writer.TryWrite(new ActionWork<bool>(() => { action(); return ValueTask.FromResult(true); }));
}
