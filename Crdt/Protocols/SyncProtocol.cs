using Collab.Crdt.Encoding;

namespace Collab.Crdt.Protocols;

/// <summary>
/// The y-protocols sync messages: step 1 carries a state vector, step 2 and update carry a v1
/// update. Each is <c>varUint type, varUint8Array payload</c>.
/// </summary>
public static class SyncProtocol
{
    public const int MessageYjsSyncStep1 = 0;
    public const int MessageYjsSyncStep2 = 1;
    public const int MessageYjsUpdate = 2;

    public static void WriteSyncStep1(Lib0Writer writer, byte[] stateVector)
    {
        writer.WriteVarUint(MessageYjsSyncStep1);
        writer.WriteVarUint8Array(stateVector);
    }

    public static void WriteSyncStep1(Lib0Writer writer, Doc doc) => WriteSyncStep1(writer, doc.EncodeStateVector());

    public static void WriteSyncStep2(Lib0Writer writer, byte[] update)
    {
        writer.WriteVarUint(MessageYjsSyncStep2);
        writer.WriteVarUint8Array(update);
    }

    public static void WriteUpdate(Lib0Writer writer, byte[] update)
    {
        writer.WriteVarUint(MessageYjsUpdate);
        writer.WriteVarUint8Array(update);
    }

    /// <summary>Reads one sync message without applying it.</summary>
    public static SyncMessage Read(Lib0Reader reader)
    {
        ulong type = reader.ReadVarUint();
        if (type > MessageYjsUpdate) throw new CrdtFormatException($"Unknown sync message type {type}.");
        return new SyncMessage((int)type, reader.ReadVarUint8Array());
    }

    /// <summary>
    /// Reads one sync message and acts on it as y-protocols' <c>readSyncMessage</c>: step 1 is
    /// answered with step 2 in <paramref name="reply"/>; step 2 and updates are applied.
    /// Returns the message type.
    /// </summary>
    public static int ReadSyncMessage(Lib0Reader reader, Lib0Writer reply, Doc doc, object? origin)
    {
        var message = Read(reader);
        switch (message.Type)
        {
            case MessageYjsSyncStep1:
                WriteSyncStep2(reply, doc.EncodeStateAsUpdate(message.Payload));
                break;
            default:
                doc.ApplyUpdate(message.Payload, origin);
                break;
        }
        return message.Type;
    }
}
