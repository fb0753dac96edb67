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

    /// <summary>
    /// Sized exactly and written once: a 10 MB sync step 2 costs one 10 MB frame, not a growable
    /// writer's buffer plus the copy taken from it (both on the large object heap).
    /// </summary>
    private static byte[] Sync(int type, byte[] payload)
    {
        var length = (ulong)payload.Length;
        var lengthBytes = 1;
        for (var rest = length >> 7; rest != 0; rest >>= 7) lengthBytes++;
        var frame = GC.AllocateUninitializedArray<byte>(2 + lengthBytes + payload.Length);
        frame[0] = (byte)YMessageType.Sync; // both below 128: one varUint byte each
        frame[1] = (byte)type;
        var at = 2;
        for (; length >= 0x80; length >>= 7) frame[at++] = (byte)(length | 0x80);
        frame[at++] = (byte)length;
        payload.CopyTo(frame, at);
        return frame;
    }
}
