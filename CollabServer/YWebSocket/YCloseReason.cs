using System.Net.WebSockets;
using System.Text;
using Collab.Server.Errors;

namespace Collab.Server.YWebSocket;

/// <summary>
/// The reason a y-websocket connection is closed with: <c>[code] text</c>, the code being the
/// documented <see cref="ErrorCode"/> of hub and REST refusals, so a client reacts to the code
/// (and shows the text) the same way on every transport.
/// </summary>
public static class YCloseReason
{
    // RFC 6455: the reason of a close frame is at most 123 bytes of UTF-8.
    private const int MaxReasonBytes = 123;

    /// <summary>The refusal code a close status stands for.</summary>
    public static ErrorCode CodeOf(WebSocketCloseStatus status) => (int)status switch
    {
        (int)WebSocketCloseStatus.MessageTooBig => ErrorCode.TooLarge,
        (int)YWebSocketPeer.SlowReaderStatus => ErrorCode.TooLarge,
        (int)YWebSocketPeer.TokenExpiredStatus => ErrorCode.Unauthorized,
        Rooms.Room.AccessRevokedCloseCode => ErrorCode.Forbidden,
        (int)YWebSocketPeer.RoomClosedStatus => ErrorCode.Unavailable,
        (int)WebSocketCloseStatus.NormalClosure => ErrorCode.Unavailable,
        (int)WebSocketCloseStatus.PolicyViolation => ErrorCode.Invalid,
        _ => ErrorCode.Internal,
    };

    /// <summary><c>[code] text</c> for <paramref name="status"/>, cut to what a close frame carries.</summary>
    public static string Format(WebSocketCloseStatus status, string text)
    {
        var reason = $"[{CodeOf(status).ToWire()}] {text}";
        if (Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes) return reason;
        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes - 3) length--;
        if (length > 0 && char.IsHighSurrogate(reason[length - 1])) length--;
        return reason[..length] + "...";
    }
}
