using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using Collab.Crdt;
using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;
using Collab.Server.Errors;
using Collab.Server.Limits;
using Collab.Server.Rooms;

namespace Collab.Server.YWebSocket;

/// <summary>
/// Serves one stock <c>y-websocket</c> client: sends the server's sync step 1 and the awareness
/// states on connect, answers step 1 with step 2, applies step 2 / updates / awareness through
/// the room, answers query-awareness. Every message passes the same <see cref="EditGate"/> as the
/// hub's; a refused message gets a y-protocols "permission denied" whose reason starts with the
/// refusal's code (<c>[rate_limited retry_after=0.2] …</c>, the client logs it) and changes
/// nothing; an oversized one closes with 1009 and <c>[too_large] …</c> (<see cref="YCloseReason"/>).
/// </summary>
public sealed class YWebSocketConnection(
    WebSocket socket, YWebSocketPeer peer, Room room, LimitOptions limits, ILogger logger)
{
    // Updates in flight per connection: posted without waiting so one client's stream is
    // persisted in batches, but bounded so a flood cannot queue without limit. A large update
    // is waited for before the next message is read, so what one connection has queued in its
    // room stays below 63 small updates plus one large one (see docs/limits-and-abuse.md).
    private const int MaxInFlight = 64;
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly int _largeUpdateBytes = Math.Max(64 * 1024, limits.MaxMessageBytes / 16);
    private readonly EditGate _gate = new(limits);

    // Armed while a message is being assembled; one per connection, re-armed for each message,
    // rather than a timer and a token source allocated for every message a client sends.
    private CancellationTokenSource? _assemblyDeadline;

    /// <summary>Serves the connection until either side closes it, or the token expires at <paramref name="expiresAt"/>.</summary>
    public async Task RunAsync(JoinResult joined, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var pump = peer.PumpAsync(ct);
        using var expiry = ExpireAt(expiresAt);
        peer.Enqueue(new PeerMessage(PeerMessageKind.Frame, YFrames.SyncStep1(joined.StateVector)));
        if (joined.Awareness is not null) peer.Enqueue(new PeerMessage(PeerMessageKind.Frame, YFrames.Awareness(joined.Awareness)));
        try
        {
            await ReceiveLoopAsync(ct);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException) { }
        finally
        {
            _assemblyDeadline?.Dispose();
            room.Leave(peer);
            peer.CompleteOutbox();
            await pump;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); }
                catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException) { }
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        while (socket.State == WebSocketState.Open)
        {
            // Wait for the next frame without holding a buffer: an idle connection then costs a few
            // KB instead of the 64 KB receive buffer (10,000 idle connections must fit in 1 GB).
            var next = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
            if (next.MessageType == WebSocketMessageType.Close) return;
            var message = next.EndOfMessage ? Array.Empty<byte>() : await ReceiveMessageAsync(ct);
            if (message is null) return;
            if (next.MessageType != WebSocketMessageType.Binary)
            {
                Deny(new RefusalException(ErrorCode.Invalid, "y-websocket messages are binary; text frames are ignored."));
                continue;
            }
            await HandleAsync(message);
        }
    }

    /// <summary>
    /// The rest of a message; null when the connection closed or the message was too big. A message
    /// spanning several receives is gathered in pooled chunks below the large object heap's
    /// threshold and copied once into an array of its exact size, so a 10 MB update leaves one
    /// 10 MB array behind instead of a doubling stream's 32 MB of large-object garbage.
    /// </summary>
    private async Task<byte[]?> ReceiveMessageAsync(CancellationToken ct)
    {
        var chunks = new List<byte[]> { ArrayPool<byte>.Shared.Rent(ChunkBytes) };
        var lastChunkUsed = 0;
        long received = 0;
        // A started message holds memory until it ends: it must end in time, or the client could
        // park a large unfinished message on every connection it opens. The clock starts at the first
        // receive that has to wait: a message already buffered whole (nearly every one) arms no timer.
        var deadline = AssemblyDeadline(ct);
        var armed = false;
        try
        {
            while (true)
            {
                if (lastChunkUsed == chunks[^1].Length)
                {
                    chunks.Add(ArrayPool<byte>.Shared.Rent(ChunkBytes));
                    lastChunkUsed = 0;
                }
                ValueWebSocketReceiveResult result;
                try
                {
                    var receiving = socket.ReceiveAsync(chunks[^1].AsMemory(lastChunkUsed), deadline);
                    if (!armed && !receiving.IsCompleted) armed = ArmAssemblyDeadline();
                    result = await receiving;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    logger.LogInformation("A y-websocket client of {Document} did not finish a message in time; closing", peer.Key);
                    socket.Abort(); // a pending receive can't be followed by a close handshake
                    return null;
                }
                if (result.MessageType == WebSocketMessageType.Close) return null;
                if (received + result.Count > limits.MaxMessageBytes + 16)
                {
                    Close(WebSocketCloseStatus.MessageTooBig, $"message over Limits:MaxMessageBytes ({limits.MaxMessageBytes} bytes)");
                    return null;
                }
                received += result.Count;
                lastChunkUsed += result.Count;
                if (result.EndOfMessage) return Concat(chunks, received);
            }
        }
        finally
        {
            if (armed) _assemblyDeadline.TryReset(); // disarmed until the next message waits
            foreach (var chunk in chunks) ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>
    /// The token that ends one message's assembly, not yet armed. The connection's token source is
    /// reused unless it fired (a deadline that passed just as the last message ended).
    /// </summary>
    [MemberNotNull(nameof(_assemblyDeadline))]
    private CancellationToken AssemblyDeadline(CancellationToken ct)
    {
        if (_assemblyDeadline is null || _assemblyDeadline.IsCancellationRequested)
        {
            _assemblyDeadline?.Dispose();
            _assemblyDeadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        }
        return _assemblyDeadline.Token;
    }

    /// <summary>Starts the clock of <c>Limits:MessageAssemblySeconds</c> for the message being received.</summary>
    private bool ArmAssemblyDeadline()
    {
        _assemblyDeadline!.CancelAfter(TimeSpan.FromSeconds(limits.MessageAssemblySeconds));
        return true;
    }

    /// <summary>Below the large object heap's 85,000-byte threshold: pooled or not, chunks stay in gen0.</summary>
    private const int ChunkBytes = 64 * 1024;

    private static byte[] Concat(List<byte[]> chunks, long length)
    {
        var message = GC.AllocateUninitializedArray<byte>((int)length);
        var at = 0;
        foreach (var chunk in chunks)
        {
            var take = (int)Math.Min(chunk.Length, length - at);
            chunk.AsSpan(0, take).CopyTo(message.AsSpan(at));
            at += take;
        }
        return message;
    }

    private async Task HandleAsync(byte[] frame)
    {
        try
        {
            var reader = new Lib0Reader(frame);
            switch ((YMessageType)reader.ReadVarUint())
            {
                case YMessageType.Sync:
                    await HandleSyncAsync(SyncProtocol.Read(reader));
                    break;
                case YMessageType.Awareness:
                    await _gate.ApplyAwarenessAsync(peer, reader.ReadVarUint8Array());
                    break;
                case YMessageType.QueryAwareness:
                    var states = await room.GetAwarenessAsync();
                    if (states is not null) peer.Enqueue(new PeerMessage(PeerMessageKind.Frame, YFrames.Awareness(states)));
                    break;
                case YMessageType.Auth:
                    break; // clients never send auth messages that mean anything to a server
                default:
                    Deny(new RefusalException(ErrorCode.Invalid, "Unknown message type; the message was ignored."));
                    break;
            }
        }
        catch (Exception ex) when (EditGate.ToRefusal(ex) is { } refusal)
        {
            Refuse(refusal);
        }
    }

    private async Task HandleSyncAsync(SyncMessage message)
    {
        switch (message.Type)
        {
            case SyncProtocol.MessageYjsSyncStep1:
                _gate.CheckSyncRequest(message.Payload);
                var diff = await room.DiffAsync(peer, message.Payload);
                peer.Enqueue(new PeerMessage(PeerMessageKind.SyncStep2, [], Parts: diff));
                return;
            case SyncProtocol.MessageYjsSyncStep2 when !peer.CanEdit && CarriesNoStructs(message.Payload):
                return; // a viewer's reply to our step 1 that adds nothing: normal, not an attempt to write
            default:
                _gate.CheckUpdate(peer, message.Payload);
                await _inFlight.WaitAsync();
                var applied = ApplyAsync(message.Payload);
                if (message.Payload.Length >= _largeUpdateBytes) await applied;
                return;
        }
    }

    /// <summary>
    /// Applies through the room while the receive loop reads on; a failure is refused or closes the
    /// connection. One state machine per update (every update of every client passes here).
    /// </summary>
    private async Task ApplyAsync(byte[] update)
    {
        try
        {
            await room.ApplyUpdateAsync(peer, update);
            _inFlight.Release();
        }
        catch (Exception failure)
        {
            _inFlight.Release();
            OnFailed(failure);
        }
    }

    private void OnFailed(Exception failure)
    {
        if (EditGate.ToRefusal(failure) is { } refusal)
        {
            Refuse(refusal);
            return;
        }
        logger.LogInformation("Update from a y-websocket client to {Document} failed: {Reason}", peer.Key, failure.Message);
        Close(YWebSocketPeer.RoomClosedStatus, "room unavailable, reconnect");
    }

    /// <summary>A refused message changes nothing and the connection carries on; only a room that went away closes it.</summary>
    private void Refuse(RefusalException refusal)
    {
        if (refusal is RoomGoneRefusal)
        {
            logger.LogInformation("Room {Document} went away under a y-websocket client: {Reason}", peer.Key, refusal.Message);
            Close(YWebSocketPeer.RoomClosedStatus, "room unavailable, reconnect");
            return;
        }
        Deny(refusal);
    }

    /// <summary>Leaves the room (so nothing more is applied or received) and closes with 4001 when the token expires.</summary>
    private Timer? ExpireAt(DateTimeOffset? expiresAt)
    {
        if (expiresAt is not { } expiry) return null;
        // A timer's due time is capped (about 49 days): a token valid longer is looked at again then.
        static TimeSpan Until(DateTimeOffset at)
        {
            var delay = at - DateTimeOffset.UtcNow;
            return delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > TimeSpan.FromDays(24) ? TimeSpan.FromDays(24) : delay;
        }
        Timer? timer = null;
        timer = new Timer(_ =>
        {
            if (Until(expiry) > TimeSpan.Zero)
            {
                timer!.Change(Until(expiry), Timeout.InfiniteTimeSpan);
                return;
            }
            logger.LogInformation("Token of a y-websocket client of {Document} expired; closing", peer.Key);
            Close(YWebSocketPeer.TokenExpiredStatus, "token expired: reconnect with a fresh token");
            room.Leave(peer);
        }, null, Until(expiry), Timeout.InfiniteTimeSpan);
        return timer;
    }

    /// <summary>A y-protocols "permission denied" whose reason reads like a hub error: <c>[code] message</c>.</summary>
    private void Deny(RefusalException refusal) => peer.Enqueue(new PeerMessage(PeerMessageKind.Frame,
        YFrames.PermissionDenied(ErrorCodes.HubMessage(refusal.Code, refusal.Message, refusal.RetryAfter))));

    private static bool CarriesNoStructs(byte[] update)
    {
        try { return new Lib0Reader(update).ReadVarUint() == 0; }
        catch (CrdtFormatException) { return false; }
    }

    /// <summary>Closes through the outbox, so the close never races a send in progress.</summary>
    private void Close(WebSocketCloseStatus status, string reason) =>
        peer.Enqueue(new PeerMessage(PeerMessageKind.Closed, [], reason, (int)status));
}
