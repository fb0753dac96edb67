using System.Threading.Channels;
using Collab.Crdt;
using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;
using Collab.Server.Auth;
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
    private readonly Channel<RoomWork> _inbox = Channel.CreateUnbounded<RoomWork>(new() { SingleReader = true });
    private readonly Doc _doc;
    private readonly Awareness _awareness;
    private readonly Dictionary<RoomPeer, HashSet<ulong>> _peers = new();
    private readonly List<byte[]> _emitted = new();
    private readonly IDocumentStore _store;
    private readonly RoomPersistence _persistence;
    private readonly RoomOptions _options;
    private readonly LimitOptions _limits;
    private readonly Action<Room> _onClosed;
    private readonly IRoomBus _bus;
    private readonly UpdateChain _chain = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    private volatile bool _closed;
    private IDisposable? _subscription;
    private int _unloadGeneration;
    private bool _unloadScheduled;
    private readonly Action<string> _onResynced;
    private readonly Action<DocumentKey, IReadOnlyList<string>> _onEdited;

    internal Room(DocumentKey key, IDocumentStore store, Compactor compactor, RoomOptions options,
        LimitOptions limits, IRoomBus bus, Action<Room> onClosed, ILogger logger, TimeProvider time, Action<string>? onResynced = null,
        Action<DocumentKey, IReadOnlyList<string>>? onEdited = null)
    {
        _onEdited = onEdited ?? ((_, _) => { });
        _bus = bus;
        _onResynced = onResynced ?? (_ => { });
        Key = key;
        _store = store;
        _persistence = new RoomPersistence(key, store, compactor, options, PostChange, logger);
        _options = options;
        _limits = limits;
        _onClosed = onClosed;
        _logger = logger;
        _time = time;
        _doc = new Doc(new DocOptions { MaxNestingDepth = limits.MaxNestingDepth, MaxPendingBytes = limits.MaxPendingBytes });
        NotebookRoots.Declare(_doc);
        _awareness = new Awareness(_doc.ClientId, time); // no local state: the server has no presence
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

    /// <summary>
    /// Sync step 2 for a state vector: everything the peer lacks, as the chunks it was encoded in,
    /// for a transport that sends it in parts (a large document's step 2 then leaves no array of its
    /// whole size behind). Only for a peer still in the room.
    /// </summary>
    public Task<EncodedParts> DiffAsync(RoomPeer peer, byte[] stateVector) => InvokeAsync(() =>
    {
        RequireMember(peer);
        try { return _doc.EncodeStateAsUpdateInParts(stateVector); }
        catch (CrdtFormatException ex) { throw new UpdateRejectedException($"Malformed state vector: {ex.Message}"); }
    });

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

    /// <summary>
    /// A member's access changed: removed, their connections leave with the reason (their awareness
    /// states go too); with a new role, it applies to their next message.
    /// </summary>
    public Task ApplyAccessChangeAsync(string userId, ProjectRole? newRole, string reason) => InvokeAsync(() =>
    {
        foreach (var (peer, clients) in _peers.Where(p => p.Key.UserId == userId).ToList())
        {
            if (newRole is { } role)
            {
                peer.Role = role;
                peer.Enqueue(new PeerMessage(PeerMessageKind.AccessChanged, [], reason));
                continue;
            }
            peer.Revoked = true;
            _peers.Remove(peer);
            if (clients.Count > 0) _awareness.RemoveStates(clients, peer);
            peer.Enqueue(new PeerMessage(PeerMessageKind.Closed, [], reason, AccessRevokedCloseCode));
            peer.CompleteOutbox();
        }
        return true;
    });

    /// <summary>The users connected to this room and the role each connection acts with.</summary>
    public Task<List<(string UserId, ProjectRole Role)>> PeerRolesAsync() =>
        InvokeAsync(() => _peers.Keys.Select(p => (p.UserId, p.Role)).Distinct().ToList());

    /// <summary>A peer that left or was removed (revoked access) reads and publishes nothing more.</summary>
    private void RequireMember(RoomPeer peer)
    {
        if (!_peers.ContainsKey(peer))
            throw new UpdateRejectedException("Forbidden: you are no longer in this room.", Errors.ErrorCode.Forbidden);
    }

    /// <summary>The WebSocket close code of a connection whose access was revoked (4000-4999: application codes).</summary>
    public const int AccessRevokedCloseCode = 4003;

    /// <summary>
    /// The document's full state and the log position it covers, read together inside the actor.
    /// Only the encoding runs here; compressing and storing it is the caller's, off the room.
    /// </summary>
    public Task<(byte[] State, long Seq)> CaptureAsync() => InvokeAsync(() => (_doc.EncodeStateAsUpdate(), _chain.Head));

    /// <summary>Reads the document inside the actor, so the reader sees one consistent state.</summary>
    public Task<T> ReadAsync<T>(Func<Doc, T> read) => InvokeAsync(() => read(_doc));

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
            if (stored.Snapshot is not null) _doc.ApplyStoredUpdate(stored.Snapshot);
            foreach (var entry in stored.Log) _doc.ApplyStoredUpdate(entry.Update);
        }, origin: null, local: false);
        _emitted.Clear();
        _chain.Reset(stored.Log.Count > 0 ? stored.Log[^1].Seq : stored.SnapshotSeq);
        _persistence.Loaded(stored);
        _logger.LogInformation("Loaded {Document}: snapshot {SnapshotBytes} bytes + {LogEntries} log entries",
            Key, stored.Snapshot?.Length ?? 0, stored.Log.Count);
        _persistence.MaybeCompact();
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

    private void ScheduleUnloadIfEmpty()
    {
        if (_peers.Count > 0 || _unloadScheduled) return;
        _unloadScheduled = true;
        var generation = ++_unloadGeneration;
        _ = Task.Delay(_options.UnloadGrace, _time).ContinueWith(_ =>
        {
            var work = new ActionWork<bool>(() =>
            {
                _unloadScheduled = false;
                if (generation != _unloadGeneration || _peers.Count > 0) return ValueTask.FromResult(false);
                _persistence.CompactOnUnload();
                Close("unloaded");
                _logger.LogInformation("Unloaded {Document}", Key);
                return ValueTask.FromResult(true);
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
