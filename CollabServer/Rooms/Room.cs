using System.Threading.Channels;
using Collab.Crdt;
using Collab.Crdt.Protocols;
using Collab.Server.Limits;
using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// One live document. A single actor loop owns the Doc, the awareness states and the peer list,
/// so nothing here takes a lock: callers post work to the inbox and await its completion.
/// Accepted updates are appended to the store before they are acknowledged or broadcast; queued
/// updates are persisted together in one transaction (group commit).
/// </summary>
public sealed partial class Room
{
    private static readonly byte[] EmptyUpdate = [0, 0];

    private readonly Channel<RoomWork> _inbox = Channel.CreateUnbounded<RoomWork>(new() { SingleReader = true });
    private readonly Doc _doc = new();
    private readonly Awareness _awareness;
    private readonly Dictionary<RoomPeer, HashSet<ulong>> _peers = new();
    private readonly List<byte[]> _emitted = new();
    private readonly IDocumentStore _store;
    private readonly Compactor _compactor;
    private readonly RoomOptions _options;
    private readonly LimitOptions _limits;
    private readonly Action<Room> _onClosed;
    private readonly IRoomBus _bus;
    private readonly UpdateChain _chain = new();
    private readonly ILogger _logger;

    private volatile bool _closed;
    private IDisposable? _subscription;
    private int _logCount;
    private long _approxBytes;
    private bool _compacting;
    private int _unloadGeneration;
    private bool _unloadScheduled;

    internal Room(DocumentKey key, IDocumentStore store, Compactor compactor, RoomOptions options,
        LimitOptions limits, IRoomBus bus, Action<Room> onClosed, ILogger logger)
    {
        _bus = bus;
        Key = key;
        _store = store;
        _compactor = compactor;
        _options = options;
        _limits = limits;
        _onClosed = onClosed;
        _logger = logger;
        // Declare the notebook roots with their types before any update is applied, so reads
        // (export, templates) see typed roots rather than ones adopted after integration.
        _doc.GetMap("meta");
        _doc.GetArray("cells");
        _doc.GetMap("state");
        _awareness = new Awareness(_doc.ClientId); // no local state: the server has no presence
        _awareness.Updated += OnAwarenessUpdated;
        _doc.UpdateV1 += (_, e) => _emitted.Add(e.Update);
        Completion = Task.Run(RunAsync);
    }

    public DocumentKey Key { get; }

    /// <summary>Completes when the actor loop has stopped (room unloaded or evicted).</summary>
    public Task Completion { get; }

    /// <summary>
    /// Adds the peer and answers its sync step 1. <paramref name="stateVector"/> null means the
    /// transport sends its own step 1 later (y-websocket).
    /// </summary>
    public Task<JoinResult> JoinAsync(RoomPeer peer, byte[]? stateVector) => InvokeAsync(() =>
    {
        byte[]? update = null;
        if (stateVector is not null)
        {
            try { update = _doc.EncodeStateAsUpdate(stateVector); }
            catch (CrdtFormatException ex) { throw new UpdateRejectedException($"Malformed state vector: {ex.Message}"); }
        }
        _peers.TryAdd(peer, new HashSet<ulong>());
        peer.Room = this;
        _unloadGeneration++; // cancels a pending unload
        _unloadScheduled = false;
        var awareness = _awareness.GetStates().Count == 0 ? null : _awareness.EncodeUpdate(_awareness.GetStates().Keys);
        return new JoinResult(update, _doc.EncodeStateVector(), awareness);
    });

    /// <summary>Sync step 2 for a state vector: everything the peer lacks.</summary>
    public Task<byte[]> DiffAsync(byte[] stateVector) => InvokeAsync(() =>
    {
        try { return _doc.EncodeStateAsUpdate(stateVector); }
        catch (CrdtFormatException ex) { throw new UpdateRejectedException($"Malformed state vector: {ex.Message}"); }
    });

    /// <summary>Applies, persists, broadcasts; completes once the update is durable.</summary>
    public Task ApplyUpdateAsync(RoomPeer? sender, byte[] update)
    {
        var work = new UpdateWork(sender, update);
        Post(work);
        return work.Completion;
    }

    /// <summary>Applies a y-protocols awareness update and forwards it to the other peers.</summary>
    public Task ApplyAwarenessAsync(RoomPeer sender, byte[] update) => InvokeAsync(() =>
    {
        try { _awareness.ApplyUpdate(update, sender); }
        catch (CrdtFormatException ex)
        {
            throw new UpdateRejectedException($"Malformed awareness update: {ex.Message}");
        }
        // Forwarded as received (y-websocket does the same on its 'update' event), which also
        // echoes a lone client's periodic renewal so its connection does not time out.
        Broadcast(new PeerMessage(PeerMessageKind.Awareness, update), sender, echoToSender: sender.EchoesAwareness);
        _bus.PublishAwareness(Key, update);
        return true;
    });

    /// <summary>Every awareness state, encoded; null when there are none.</summary>
    public Task<byte[]?> GetAwarenessAsync() => InvokeAsync(() =>
        _awareness.GetStates().Count == 0 ? null : _awareness.EncodeUpdate(_awareness.GetStates().Keys));

    /// <summary>Removes the peer and its awareness states. Does not wait for the room.</summary>
    public void Leave(RoomPeer peer)
    {
        var work = new ActionWork<bool>(() =>
        {
            if (!_peers.Remove(peer, out var clients)) return ValueTask.FromResult(false);
            peer.CompleteOutbox();
            if (clients.Count > 0) _awareness.RemoveStates(clients, peer);
            return ValueTask.FromResult(true);
        });
        if (!_inbox.Writer.TryWrite(work)) peer.CompleteOutbox();
    }

    /// <summary>Reads the document inside the actor, so the reader sees one consistent state.</summary>
    public Task<T> ReadAsync<T>(Func<Doc, T> read) => InvokeAsync(() => read(_doc));

    /// <summary>A server-side edit (import, template): persisted and broadcast like a client's update.</summary>
    public Task EditAsync(Action<Doc> edit) => InvokeAsync(async () =>
    {
        _emitted.Clear();
        edit(_doc);
        if (_emitted.Count == 0) return true;
        var update = _emitted.Count == 1 ? _emitted[0] : Updates.Merge(_emitted.ToList());
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
        return true;
    });

    /// <summary>Closes the room, telling every peer why (document deleted, server stopping).</summary>
    public Task CloseAsync(string reason, bool flush) => InvokeAsync(async () =>
    {
        if (flush) await FlushAsync();
        Close(reason);
        return true;
    });

    private Task<T> InvokeAsync<T>(Func<T> fn) => InvokeAsync(() => ValueTask.FromResult(fn()));

    private Task<T> InvokeAsync<T>(Func<ValueTask<T>> fn)
    {
        var work = new ActionWork<T>(fn);
        Post(work);
        return work.Completion;
    }

    private void Post(RoomWork work)
    {
        if (!_inbox.Writer.TryWrite(work)) work.Fail(new RoomClosedException());
    }

    private async Task RunAsync()
    {
        try
        {
            // Listen before loading: what other nodes append meanwhile is queued, not missed.
            _subscription = _bus.Attach(this);
            await LoadAsync();
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Could not load {Document}", Key);
            Close("load failed", new RoomUnavailableException("The document could not be loaded; try again.", ex));
            return;
        }
        _ = ExpireAwarenessAsync();
        var reader = _inbox.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var work))
            {
                if (_closed)
                {
                    work.Fail(new RoomClosedException());
                    continue;
                }
                try
                {
                    if (work is UpdateWork update) await ProcessUpdatesAsync(TakeBatch(update));
                    else await ((ActionWork)work).RunAsync();
                }
                catch (Exception ex)
                {
                    _logger.LogError(ex, "Room {Document} failed; closing it", Key);
                    work.Fail(new RoomUnavailableException("The room failed; join again.", ex));
                    Close("internal error");
                }
                if (!_closed) ScheduleUnloadIfEmpty();
            }
        }
    }

    private async Task LoadAsync()
    {
        var stored = await _store.LoadAsync(Key);
        _doc.Transact(_ =>
        {
            if (stored.Snapshot is not null) _doc.ApplyUpdate(stored.Snapshot);
            foreach (var entry in stored.Log) _doc.ApplyUpdate(entry.Update);
        }, origin: null, local: false);
        _emitted.Clear();
        _chain.Reset(stored.Log.Count > 0 ? stored.Log[^1].Seq : stored.SnapshotSeq);
        _logCount = stored.Log.Count;
        _approxBytes = (stored.Snapshot?.Length ?? 0) + stored.Log.Sum(e => (long)e.Update.Length);
        _logger.LogInformation("Loaded {Document}: snapshot {SnapshotBytes} bytes + {LogEntries} log entries",
            Key, stored.Snapshot?.Length ?? 0, stored.Log.Count);
        MaybeCompact();
    }

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
        var batchBytes = 0L;
        _emitted.Clear();
        // One transaction for the whole batch, so the Doc emits one update for it and every peer
        // gets one frame instead of one per queued update: under load, batches grow and the
        // fan-out cost per update falls. A malformed update fails decoding before it touches the Doc.
        _doc.Transact(_ =>
        {
            foreach (var work in batch)
            {
                if (_approxBytes + batchBytes + work.Update.Length > _limits.MaxDocumentBytes)
                {
                    work.Fail(new UpdateRejectedException(
                        $"The document would exceed Limits:MaxDocumentBytes ({_limits.MaxDocumentBytes} bytes); the update was not applied."));
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
                accepted.Add(work);
            }
        }, origin: null, local: false);
        if (accepted.Count == 0) return;
        var deltas = _emitted.ToList();

        var toPersist = accepted.Where(a => !a.Update.AsSpan().SequenceEqual(EmptyUpdate)).Select(a => a.Update).ToList();
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
        var sender = accepted[0].Sender;
        var except = accepted.TrueForAll(w => w.Sender == sender) ? sender : null;
        foreach (var delta in deltas) Broadcast(new PeerMessage(PeerMessageKind.Update, delta), except);
        foreach (var work in accepted) work.Accept();
    }

    private async Task PersistAsync(List<byte[]> updates)
    {
        var range = await _store.AppendAsync(Key, updates);
        _bus.PublishUpdates(Key, range, updates);
        _logCount += updates.Count;
        foreach (var update in updates) _approxBytes += update.Length;
        ApplyLinks(_chain.Offer(new ChainLink(range, null)));
        MaybeCompact();
    }

    private void MaybeCompact()
    {
        if (_compacting || _logCount < _options.CompactAfterUpdates) return;
        _compacting = true;
        var snapshot = _doc.EncodeStateAsUpdate();
        var covered = _logCount;
        _approxBytes = snapshot.Length;
        _compactor.Enqueue(new CompactionJob(Key, snapshot, _chain.Head, ok =>
        {
            var work = new ActionWork<bool>(() =>
            {
                _compacting = false;
                if (ok) _logCount = Math.Max(0, _logCount - covered);
                return ValueTask.FromResult(ok);
            });
            _inbox.Writer.TryWrite(work);
        }));
    }

    /// <summary>Folds the log into a snapshot now (before unloading), in the actor.</summary>
    private async Task FlushAsync()
    {
        if (_logCount == 0) return;
        try
        {
            await _store.CompactAsync(Key, _doc.EncodeStateAsUpdate(), _chain.Head);
            _logCount = 0;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Flush of {Document} failed; its log is kept", Key);
        }
    }

    private void Broadcast(PeerMessage message, RoomPeer? except, bool echoToSender = false)
    {
        message = message with { Encoded = new WireFrameCache() };
        foreach (var peer in _peers.Keys)
        {
            if (peer == except && !echoToSender) continue;
            peer.Enqueue(message);
        }
    }

    private void OnAwarenessUpdated(AwarenessChange change)
    {
        if (change.Origin == RemoteOrigin) return; // ReceiveAwareness forwards other nodes' messages as they are
        if (change.Origin is RoomPeer peer && _peers.TryGetValue(peer, out var clients))
        {
            // A peer's own message: remember whose states it carries (removed when it leaves);
            // ApplyAwarenessAsync forwards the message itself.
            foreach (var id in change.Added) clients.Add(id);
            foreach (var id in change.Updated) clients.Add(id);
            foreach (var id in change.Removed) clients.Remove(id);
            return;
        }
        // States removed because their peer left or went silent: tell everyone left.
        if (change.Removed.Count > 0)
        {
            var removal = _awareness.EncodeUpdate(change.Removed);
            Broadcast(new PeerMessage(PeerMessageKind.Awareness, removal), except: null);
            _bus.PublishAwareness(Key, removal);
        }
    }

    /// <summary>Drops awareness states not renewed for 30 s (a client that vanished without a close).</summary>
    private async Task ExpireAwarenessAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync() && !_closed)
        {
            var work = new ActionWork<bool>(() => ValueTask.FromResult(_awareness.RemoveOutdated().Count > 0));
            if (!_inbox.Writer.TryWrite(work)) return;
        }
    }

    private void ScheduleUnloadIfEmpty()
    {
        if (_peers.Count > 0 || _unloadScheduled) return;
        _unloadScheduled = true;
        var generation = ++_unloadGeneration;
        _ = Task.Delay(_options.UnloadGrace).ContinueWith(_ =>
        {
            var work = new ActionWork<bool>(async () =>
            {
                _unloadScheduled = false;
                if (generation != _unloadGeneration || _peers.Count > 0) return false;
                await FlushAsync();
                Close("unloaded");
                _logger.LogInformation("Unloaded {Document}", Key);
                return true;
            });
            _inbox.Writer.TryWrite(work);
        }, TaskScheduler.Default);
    }

    private void Close(string reason, Exception? failQueuedWith = null)
    {
        if (_closed) return;
        _closed = true;
        _subscription?.Dispose();
        _inbox.Writer.TryComplete();
        _onClosed(this);
        foreach (var peer in _peers.Keys)
        {
            peer.Enqueue(new PeerMessage(PeerMessageKind.Closed, [], reason));
            peer.CompleteOutbox();
        }
        _peers.Clear();
        while (_inbox.Reader.TryRead(out var work)) work.Fail(failQueuedWith ?? new RoomClosedException());
    }
}
