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

    private static byte[] Sync(int type, byte[] payload)
    {
        var writer = new Lib0Writer(payload.Length + 8);
        writer.WriteVarUint((ulong)YMessageType.Sync);
        writer.WriteVarUint((ulong)type);
        writer.WriteVarUint8Array(payload);
        return writer.ToArray();
    }
}
