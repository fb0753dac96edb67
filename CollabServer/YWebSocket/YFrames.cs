using Collab.Crdt.Encoding;
using Collab.Crdt.Protocols;

namespace Collab.Server.YWebSocket;

/// <summary>Builds the binary frames the y-websocket client expects.</summary>
public static class YFrames
{
    public static byte[] SyncStep1(byte[] stateVector) => Sync(SyncProtocol.MessageYjsSyncStep1, stateVector);

    public static byte[] SyncStep2(byte[] update) => Sync(SyncProtocol.MessageYjsSyncStep2, update);

    public static byte[] Update(byte[] update) => Sync(SyncProtocol.MessageYjsUpdate, update);

    public static byte[] Awareness(byte[] awarenessUpdate)
    {
        var writer = new Lib0Writer(awarenessUpdate.Length + 8);
        writer.WriteVarUint((ulong)YMessageType.Awareness);
        writer.WriteVarUint8Array(awarenessUpdate);
        return writer.ToArray();
    }

    /// <summary>y-protocols auth "permission denied" with a reason: the client logs it.</summary>
    public static byte[] PermissionDenied(string reason)
    {
        var writer = new Lib0Writer(reason.Length * 3 + 8);
        writer.WriteVarUint((ulong)YMessageType.Auth);
        writer.WriteVarUint(0UL);
        writer.WriteVarString(reason);
        return writer.ToArray();
    }

    /// <summary>What precedes a sync step 2's update of <paramref name="payloadLength"/> bytes in its frame.</summary>
    public static byte[] SyncStep2Header(int payloadLength)
    {
        var header = new byte[HeaderLength(payloadLength)];
        WriteHeader(header, SyncProtocol.MessageYjsSyncStep2, payloadLength);
        return header;
    }

    /// <summary>
    /// Sized exactly and written once: a 10 MB sync step 2 costs one 10 MB frame, not a growable
    /// writer's buffer plus the copy taken from it (both on the large object heap).
    /// </summary>
    private static byte[] Sync(int type, byte[] payload)
    {
        var headerLength = HeaderLength(payload.Length);
        var frame = GC.AllocateUninitializedArray<byte>(headerLength + payload.Length);
        WriteHeader(frame, type, payload.Length);
        payload.CopyTo(frame, headerLength);
        return frame;
    }

    private static int HeaderLength(int payloadLength)
    {
        var lengthBytes = 1;
        for (var rest = (ulong)payloadLength >> 7; rest != 0; rest >>= 7) lengthBytes++;
        return 2 + lengthBytes;
    }

    private static void WriteHeader(Span<byte> frame, int type, int payloadLength)
    {
        frame[0] = (byte)YMessageType.Sync; // both below 128: one varUint byte each
        frame[1] = (byte)type;
        var at = 2;
        var length = (ulong)payloadLength;
        for (; length >= 0x80; length >>= 7) frame[at++] = (byte)(length | 0x80);
        frame[at] = (byte)length;
    }
}
