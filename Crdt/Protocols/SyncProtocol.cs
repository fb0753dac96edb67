using Collab.Crdt.Encoding;

namespace Collab.Crdt.Protocols;

/// <summary>
/// The y-protocols sync messages: step 1 carries a state vector, step 2 and update carry a v1
/// update. Each is <c>varUint type, varUint8Array payload</c>.
/// </summary>
public static class SyncProtocol
{
    /// <summary>Sync step 1: the sender's state vector, asking for what it misses.</summary>
    public const int MessageYjsSyncStep1 = 0;
    /// <summary>Sync step 2: the update answering a step 1.</summary>
    public const int MessageYjsSyncStep2 = 1;
    /// <summary>An incremental update broadcast after a change.</summary>
    public const int MessageYjsUpdate = 2;

    /// <summary>Writes a step-1 message carrying an encoded state vector.</summary>
    public static void WriteSyncStep1(Lib0Writer writer, byte[] stateVector)
    {
        writer.WriteVarUint(MessageYjsSyncStep1);
        writer.WriteVarUint8Array(stateVector);
    }

    /// <summary>Writes a step-1 message carrying <paramref name="doc"/>'s state vector (y-protocols <c>writeSyncStep1</c>).</summary>
    public static void WriteSyncStep1(Lib0Writer writer, Doc doc) => WriteSyncStep1(writer, doc.EncodeStateVector());

    /// <summary>Writes a step-2 message carrying a v1 update (usually the diff against the peer's state vector).</summary>
    public static void WriteSyncStep2(Lib0Writer writer, byte[] update)
    {
        writer.WriteVarUint(MessageYjsSyncStep2);
        writer.WriteVarUint8Array(update);
    }

    /// <summary>Writes an update message carrying a v1 update (y-protocols <c>writeUpdate</c>).</summary>
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
