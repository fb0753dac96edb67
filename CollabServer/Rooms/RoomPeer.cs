using System.Threading.Channels;
using Collab.Crdt;
using Collab.Server.Auth;
using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// One client's membership in one room. The room never waits on a client: it queues messages
/// here and a per-peer pump delivers them in order; a client that falls too far behind is dropped.
/// </summary>
public abstract class RoomPeer
{
    private const int MaxCoalescedUpdates = 64;
    // Unbounded with one reader, bounded here by count and bytes: a bounded channel takes a lock for
    // every write and read, and the room's broadcast and each peer's pump then contend for it on
    // every message (a few per cent of the server's CPU under the text workload); this one writes
    // without a lock unless the pump is waiting.
    // A waiting pump resumes on the writer's thread: an idle peer's frame is handed to its socket by
    // the broadcast itself (a socket send returns once the bytes are buffered), instead of each peer
    // of the room costing a thread-pool work item and a wake-up per message. A pump whose send has to
    // wait (a slow reader) goes on asynchronously, so the room is never held up by one client.
    private readonly Channel<PeerMessage> _outbox = Channel.CreateUnbounded<PeerMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly int _queueCapacity;
    private readonly long _maxQueuedBytes;
    private int _queuedCount;
    private long _queuedBytes;
    private int _overflowed;
    private bool _completed;
    private volatile ProjectRole _role;

    protected RoomPeer(DocumentKey key, string userId, ProjectRole role, int queueCapacity, long maxQueuedBytes)
    {
        _queueCapacity = queueCapacity;
        _maxQueuedBytes = maxQueuedBytes;
        Key = key;
        UserId = userId;
        _role = role;
    }

    public DocumentKey Key { get; }
    public string UserId { get; }

    /// <summary>The role now: a revocation lowers it on the live connection (<see cref="Rooms.Room.ApplyAccessChangeAsync"/>).</summary>
    public ProjectRole Role { get => _role; internal set => _role = value; }
    public bool CanEdit => Role >= ProjectRole.Editor;

    /// <summary>
    /// Set when the user's access to the project ended (removed, project deleted): everything the
    /// connection still sends is refused as forbidden, even once its room has unloaded.
    /// </summary>
    public bool Revoked { get => _revoked; internal set => _revoked = value; }
    private volatile bool _revoked;

    /// <summary>The room this peer joined, set once the join succeeded.</summary>
    public Room? Room { get; internal set; }

    /// <summary>y-websocket clients expect their own awareness back (it keeps their connection alive).</summary>
    public abstract bool EchoesAwareness { get; }

    /// <summary>
    /// Queues a message. Past the queue's count or <see cref="Limits.LimitOptions.MaxQueuedBytesPerConnection"/>
    /// the client is too slow for its room and is dropped (once); a message alone in the queue always fits.
    /// </summary>
    public void Enqueue(PeerMessage message)
    {
        if (Overflowed)
        {
            Drop(message); // being dropped: nothing more goes out but the close
            return;
        }
        long size = message.Size;
        long queued = Interlocked.Add(ref _queuedBytes, size);
        if (queued - size > 0 && queued > _maxQueuedBytes)
        {
            Interlocked.Add(ref _queuedBytes, -size);
            if (message.Kind != PeerMessageKind.Closed)
            {
                Drop(message);
                Overflow();
                return;
            }
        }
        if (Interlocked.Increment(ref _queuedCount) <= _queueCapacity && _outbox.Writer.TryWrite(message)) return;
        Interlocked.Decrement(ref _queuedCount);
        Interlocked.Add(ref _queuedBytes, -size);
        Drop(message);
        if (!Volatile.Read(ref _completed)) Overflow(); // a finished outbox drops, it doesn't overflow
    }

    /// <summary>A message that will not be delivered gives its pooled chunks (a sync step 2's) back to the pool.</summary>
    private static void Drop(PeerMessage message) => message.Parts?.Dispose();

    /// <summary>True once the client fell too far behind: what is queued is dropped and the connection closes.</summary>
    protected bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    private void Overflow()
    {
        if (Interlocked.Exchange(ref _overflowed, 1) == 0) OnOverflow();
    }

    /// <summary>Delivers queued messages until <see cref="CompleteOutbox"/> or cancellation.</summary>
    public async Task PumpAsync(CancellationToken ct)
    {
        // The pump waits without the token: a channel allocates a waiter for every wait given a
        // token that can be cancelled, and every message to every peer starts with a wait.
        // Cancellation completes the outbox instead, which ends the wait as well.
        using var stop = ct.Register(static peer => ((RoomPeer)peer!).CompleteOutbox(), this);
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var message))
                {
                    Dequeued(message);
                    if (Overflowed)
                    {
                        // The send that held the pump up has ended: skip what queued behind it and say why.
                        Drop(message);
                        await DeliverOverflowAsync(ct);
                        return;
                    }
                    await DeliverAsync(message.Kind == PeerMessageKind.Update ? CoalesceQueuedUpdates(message) : message, ct);
                    if (message.Kind == PeerMessageKind.Closed) return;
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.WebSockets.WebSocketException)
        {
            // The connection went away; its own receive loop notices and leaves the room.
        }
        finally
        {
            // Nothing more is delivered: what is queued, or queued from now on, is dropped here or in Enqueue.
            CompleteOutbox();
            while (reader.TryRead(out var left))
            {
                Dequeued(left);
                Drop(left);
            }
        }
    }

    public void CompleteOutbox()
    {
        Volatile.Write(ref _completed, true);
        _outbox.Writer.TryComplete();
    }

    /// <summary>
    /// A peer that fell behind has several updates queued: they go out merged, as one update (one
    /// frame, one apply on the client), so a busy room costs fewer sends the busier it gets.
    /// Messages of other kinds keep their place after the updates before them.
    /// </summary>
    private PeerMessage CoalesceQueuedUpdates(PeerMessage first)
    {
        List<byte[]>? queued = null;
        while ((queued?.Count ?? 1) < MaxCoalescedUpdates && _outbox.Reader.TryPeek(out var next) && next.Kind == PeerMessageKind.Update)
        {
            _outbox.Reader.TryRead(out next);
            Dequeued(next!);
            (queued ??= [first.Payload]).Add(next.Payload);
        }
        return queued is null ? first : new PeerMessage(PeerMessageKind.Update, Updates.Merge(queued));
    }

    private void Dequeued(PeerMessage message)
    {
        Interlocked.Decrement(ref _queuedCount);
        Interlocked.Add(ref _queuedBytes, -message.Size);
    }

    protected abstract ValueTask DeliverAsync(PeerMessage message, CancellationToken ct);

    /// <summary>
    /// Called once when the queue is full: the transport should drop the connection, now or after
    /// <see cref="DeliverOverflowAsync"/> had its chance within a bounded wait.
    /// </summary>
    protected abstract void OnOverflow();

    /// <summary>
    /// Called by the pump instead of delivering anything more once the peer overflowed (when the
    /// send in progress at that moment ended): a transport can close with a reason here.
    /// </summary>
    protected virtual ValueTask DeliverOverflowAsync(CancellationToken ct) => ValueTask.CompletedTask;
}
