using System.Net.WebSockets;
using Collab.Server.Projects;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.YWebSocket;

/// <summary>A y-websocket connection's seat in its room; the pump is the socket's only writer.</summary>
public sealed class YWebSocketPeer(WebSocket socket, DocumentKey key, string userId, ProjectRole role, int queueCapacity, long maxQueuedBytes)
    : RoomPeer(key, userId, role, queueCapacity, maxQueuedBytes)
{
    /// <summary>Close code sent when the room goes away (deleted, storage failure); the client reconnects.</summary>
    public const WebSocketCloseStatus RoomClosedStatus = (WebSocketCloseStatus)4000;

    /// <summary>Close code sent when the token the connection was opened with expires.</summary>
    public const WebSocketCloseStatus TokenExpiredStatus = (WebSocketCloseStatus)4001;

    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    public override bool EchoesAwareness => true;

    protected override async ValueTask DeliverAsync(PeerMessage message, CancellationToken ct)
    {
        var frame = message.Kind switch
        {
            PeerMessageKind.Update => Shared(message, YFrames.Update),
            PeerMessageKind.Awareness => Shared(message, YFrames.Awareness),
            PeerMessageKind.Frame => message.Payload,
            _ => null,
        };
        if (message.Kind == PeerMessageKind.AccessChanged) return; // y-websocket has no message for it: the next write is refused
        if (frame is not null)
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, ct);
        }
        else if (socket.State == WebSocketState.Open)
        {
            var status = message.CloseCode != 0 ? (WebSocketCloseStatus)message.CloseCode : RoomClosedStatus;
            await socket.CloseOutputAsync(status, message.Reason ?? "room closed", ct);
            // A client that ignores the close would keep its socket (and its sends) open.
            _ = Task.Delay(CloseGrace).ContinueWith(_ => socket.Abort(), TaskScheduler.Default);
        }
    }

    protected override void OnOverflow() => socket.Abort();

    private static byte[] Shared(PeerMessage message, Func<byte[], byte[]> encode) =>
        message.Encoded is { } cache ? cache.Frame ??= encode(message.Payload) : encode(message.Payload);
}
