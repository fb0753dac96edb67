using Collab.Crdt;
using Collab.Server.Errors;
using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// The room's update pipeline: queued updates are applied in one transaction per batch, persisted
/// together (group commit) before anyone is told, then broadcast as one frame; when the log is
/// folded into a snapshot is <see cref="RoomPersistence"/>'s decision.
/// </summary>
public sealed partial class Room
{
    /// <summary>Applies, persists, broadcasts; completes once the update is durable.</summary>
    public Task ApplyUpdateAsync(RoomPeer? sender, byte[] update)
    {
        var work = new UpdateWork(sender, update);
        Post(work);
        return work.Completion;
    }

    /// <summary>A server-side edit (import, template): persisted and broadcast like a client's update.</summary>
    public Task EditAsync(Action<Doc> edit) => InvokeAsync(async () =>
    {
        _emitted.Clear();
        edit(_doc);
        if (_emitted.Count == 0) return true;
        var update = _emitted.Count == 1 ? _emitted[0] : Updates.Merge(_emitted.ToList());
        _emitted.Clear();
        try
        {
            await PersistAsync([update]);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not persist a server edit of {Document}", Key);
            Close("storage failure");
            throw new RoomUnavailableException("The change could not be saved; try again.", ex);
        }
        Broadcast(new PeerMessage(PeerMessageKind.Update, update), except: null);
        _onEdited(Key, []);
        return true;
    });

    private List<UpdateWork> TakeBatch(UpdateWork first)
    {
        var batch = new List<UpdateWork> { first };
        while (batch.Count < _options.MaxBatch && _inbox.Reader.TryPeek(out var next) && next is UpdateWork)
        {
            _inbox.Reader.TryRead(out next);
            batch.Add((UpdateWork)next!);
        }
        return batch;
    }

    private async Task ProcessUpdatesAsync(List<UpdateWork> batch)
    {
        var accepted = new List<UpdateWork>(batch.Count);
        _emitted.Clear();
        // One transaction for the whole batch, so the Doc emits one update for it and every peer
        // gets one frame instead of one per queued update: under load, batches grow and the
        // fan-out cost per update falls. A malformed update fails decoding before it touches the Doc.
        // (State passed, not captured: no closure and delegate per batch.)
        _doc.Transact((Room: this, Batch: batch, Accepted: accepted),
            static (_, state) => state.Room.ApplyBatch(state.Batch, state.Accepted), origin: null, local: false);
        var deltas = _emitted.ToArray();
        // The room keeps no reference to what it broadcast: between batches a live room holds its
        // Doc, not its last delta (after a notebook import, as large as the notebook).
        _emitted.Clear();
        if (accepted.Count == 0) return;

        var toPersist = new List<byte[]>(accepted.Count);
        foreach (var work in accepted)
        {
            if (RoomPersistence.IsWorthAppending(work.Update)) toPersist.Add(work.Update);
        }
        if (toPersist.Count > 0)
        {
            try
            {
                await PersistAsync(toPersist);
            }
            catch (Exception ex)
            {
                // The Doc now holds updates the store lacks: drop it so the next join reloads from the store.
                _logger.LogError(ex, "Could not persist {Count} updates to {Document}", toPersist.Count, Key);
                foreach (var work in accepted) work.Fail(new RoomUnavailableException("The update could not be saved; join again.", ex));
                Close("storage failure");
                return;
            }
        }
        // A batch from one peer skips that peer; a batch from several reaches its senders too (each
        // needs the others' part; their own part is a no-op for them, as y-websocket's echo is).
        var except = SoleSender(accepted);
        foreach (var delta in deltas) Broadcast(new PeerMessage(PeerMessageKind.Update, delta), except);
        foreach (var work in accepted) work.Accept();
        if (toPersist.Count > 0) _onEdited(Key, Authors(accepted));
    }

    /// <summary>The one peer every update of the batch came from; null when several (or the server) sent them.</summary>
    private static RoomPeer? SoleSender(List<UpdateWork> accepted)
    {
        var sender = accepted[0].Sender;
        foreach (var work in accepted)
        {
            if (work.Sender != sender) return null;
        }
        return sender;
    }

    /// <summary>The users whose stored updates the batch holds, each once (a batch usually has one or a few).</summary>
    private static List<string> Authors(List<UpdateWork> accepted)
    {
        var authors = new List<string>(1);
        foreach (var work in accepted)
        {
            if (work.Sender is { } sender && RoomPersistence.IsWorthAppending(work.Update) && !authors.Contains(sender.UserId))
                authors.Add(sender.UserId);
        }
        return authors;
    }

    /// <summary>Inside the batch's transaction: applies each update the sender may still make, collecting the accepted ones.</summary>
    private void ApplyBatch(List<UpdateWork> batch, List<UpdateWork> accepted)
    {
        var batchBytes = 0L;
        foreach (var work in batch)
        {
            // Checked here too, not only by the transport: access may have been revoked while
            // the update was queued, and this is the one place both transports pass through.
            if (work.Sender is { } sender && (!_peers.ContainsKey(sender) || !sender.CanEdit))
            {
                work.Fail(new UpdateRejectedException("Forbidden: you can no longer change this document; the update was not applied.", ErrorCode.Forbidden));
                continue;
            }
            // Room reserved for a server change in steps counts as taken, except for its own steps.
            var held = _reservedBytes - (work.Reserved ? work.Update.Length : 0);
            if (_persistence.ApproxBytes + batchBytes + held + work.Update.Length > _limits.MaxDocumentBytes)
            {
                work.Fail(new UpdateRejectedException(
                    $"The document would exceed Limits:MaxDocumentBytes ({_limits.MaxDocumentBytes} bytes); the update was not applied.", ErrorCode.TooLarge));
                continue;
            }
            try
            {
                _doc.ApplyUpdate(work.Update, work.Sender);
            }
            catch (CrdtFormatException ex)
            {
                work.Fail(new UpdateRejectedException($"Malformed update: {ex.Message}"));
                continue;
            }
            batchBytes += work.Update.Length;
            if (work.Reserved) _reservedBytes -= work.Update.Length;
            accepted.Add(work);
        }
    }

    private async Task PersistAsync(List<byte[]> updates)
    {
        var range = await _persistence.AppendAsync(updates);
        _bus.PublishUpdates(Key, range, updates);
        ApplyLinks(_chain.Offer(new ChainLink(range, null)));
        _persistence.MaybeCompact();
    }

    /// <summary>Folds the log into a snapshot now (the server is stopping), in the actor.</summary>
    private Task FlushAsync() => _persistence.FlushAsync(() => _doc.EncodeStateAsUpdate(), _chain.Head);
}
