using System.Net.WebSockets;
using Collab.Server.Auth;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.YWebSocket;

/// <summary>A y-websocket connection's seat in its room; the pump is the socket's only writer.</summary>
public sealed class YWebSocketPeer(
    WebSocket socket, DocumentKey key, string userId, ProjectRole role, int queueCapacity, long maxQueuedBytes,
    TimeSpan slowReaderGrace, Action? onSlowReader = null)
    : RoomPeer(key, userId, role, queueCapacity, maxQueuedBytes)
{
    /// <summary>Close code sent when the room goes away (deleted, storage failure); the client reconnects.</summary>
    public const WebSocketCloseStatus RoomClosedStatus = (WebSocketCloseStatus)4000;

    /// <summary>Close code sent when the token the connection was opened with expires.</summary>
    public const WebSocketCloseStatus TokenExpiredStatus = (WebSocketCloseStatus)4001;

    /// <summary>Close code (1013, "try again later") for a client that read slower than its room changed.</summary>
    public const WebSocketCloseStatus SlowReaderStatus = (WebSocketCloseStatus)1013;

    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private readonly long _maxQueuedBytes = maxQueuedBytes;

    public override bool EchoesAwareness => true;

    protected override ValueTask DeliverAsync(PeerMessage message, CancellationToken ct) => message.Kind switch
    {
        PeerMessageKind.Update => SendAsync(Shared(message, YFrames.Update), ct),
        PeerMessageKind.Awareness => SendAsync(Shared(message, YFrames.Awareness), ct),
        PeerMessageKind.Frame => SendAsync(message.Payload, ct),
        PeerMessageKind.SyncStep2 => SendSyncStep2Async(message, ct),
        PeerMessageKind.AccessChanged => ValueTask.CompletedTask, // y-websocket has no message for it: the next write is refused
        _ => new(CloseAsync(message.CloseCode != 0 ? (WebSocketCloseStatus)message.CloseCode : RoomClosedStatus, message.Reason ?? "room closed", ct)),
    };

    /// <summary>
    /// One frame, the pump's every update and awareness message: a frame that fits one fragment goes
    /// straight to the socket, with no header array, parts list or enumerator to allocate per send.
    /// </summary>
    private ValueTask SendAsync(byte[] frame, CancellationToken ct) => frame.Length <= FragmentBytes
        ? socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, ct)
        : SendAsync([], [frame], ct);

    private async ValueTask SendSyncStep2Async(PeerMessage message, CancellationToken ct)
    {
        if (message.Parts is { } parts)
        {
            // Sent straight from the chunks the room encoded it in, then the pooled ones go back.
            using (parts) await SendAsync(YFrames.SyncStep2Header(parts.Length), parts.Parts, ct);
        }
        else
        {
            await SendAsync(YFrames.SyncStep2Header(message.Payload.Length), [message.Payload], ct);
        }
    }

    /// <summary>
    /// Sends <paramref name="header"/> then the <paramref name="body"/> parts as one message, a large
    /// one in fragments. The socket copies what it sends into a buffer it rents from the shared pool
    /// at the size of each send, and the pool keeps what it is given back: a 10 MB sync step 2 sent
    /// whole left a 16 MB buffer held for good, per thread.
    /// </summary>
    private async ValueTask SendAsync(byte[] header, IEnumerable<ReadOnlyMemory<byte>> body, CancellationToken ct)
    {
        // Each fragment goes out once the next one is known, so the last can end the message.
        ReadOnlyMemory<byte>? pending = null;
        if (header.Length > 0) pending = header;
        foreach (var part in body)
        {
            for (var at = 0; at < part.Length; at += FragmentBytes)
            {
                if (pending is { } ready) await socket.SendAsync(ready, WebSocketMessageType.Binary, endOfMessage: false, ct);
                pending = part.Slice(at, Math.Min(FragmentBytes, part.Length - at));
            }
        }
        await socket.SendAsync(pending ?? ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Binary, endOfMessage: true, ct);
    }

    // Below the large object heap's threshold, as the receive side's chunks are.
    private const int FragmentBytes = 64 * 1024;

    /// <summary>
    /// The client stopped reading (or reads slower than its room changes). The send in progress
    /// is most likely blocked on it: if that send ends within the grace, the pump closes with
    /// <see cref="SlowReaderStatus"/> and the reason (<see cref="DeliverOverflowAsync"/>); if not,
    /// the socket is aborted, since a blocked send can't be followed by a close frame.
    /// </summary>
    protected override void OnOverflow()
    {
        onSlowReader?.Invoke();
        _ = Task.Delay(slowReaderGrace).ContinueWith(_ =>
        {
            if (socket.State == WebSocketState.Open) socket.Abort();
        }, TaskScheduler.Default);
    }

    protected override ValueTask DeliverOverflowAsync(CancellationToken ct) => new(CloseAsync(SlowReaderStatus,
        $"reading too slowly: more than Limits:MaxQueuedBytesPerConnection ({_maxQueuedBytes} bytes) waited; reconnect", ct));

    private async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken ct)
    {
        if (socket.State != WebSocketState.Open) return;
        await socket.CloseOutputAsync(status, YCloseReason.Format(status, reason), ct);
        // A client that ignores the close would keep its socket (and its sends) open.
        _ = Task.Delay(CloseGrace).ContinueWith(_ => socket.Abort(), TaskScheduler.Default);
    }

    private static byte[] Shared(PeerMessage message, Func<byte[], byte[]> encode) =>
        message.Encoded is { } cache ? cache.Frame ??= encode(message.Payload) : encode(message.Payload);
}
