using Collab.Server.Storage;

namespace Collab.Server.Scaling;

/// <summary>
/// What one node tells the others about a room on its Redis channel: durable updates with their
/// place in the log, or an awareness update. Layout: kind byte, 16-byte sender node id, then
/// for updates previous seq, last seq, count, length-prefixed updates and the publish time (Unix
/// ms, for the backplane lag metric); for awareness the bytes. The publish time comes last so
/// that replicas of the version before it, which stop after the updates, read these messages
/// during a rolling upgrade, and theirs read here without one (<see cref="SentAt"/> null).
/// </summary>
public sealed record RoomBusMessage(RoomBusMessageKind Kind, Guid Sender, AppendedRange Range, IReadOnlyList<byte[]> Payloads, DateTimeOffset? SentAt = null)
{
    public static byte[] EncodeUpdates(Guid sender, AppendedRange range, IReadOnlyList<byte[]> updates, DateTimeOffset sentAt)
    {
        using var stream = new MemoryStream(33 + 4 + 8 + updates.Sum(u => u.Length + 4));
        using var writer = Header(stream, RoomBusMessageKind.Updates, sender);
        writer.Write(range.PreviousSeq);
        writer.Write(range.LastSeq);
        writer.Write(updates.Count);
        foreach (var update in updates)
        {
            writer.Write(update.Length);
            writer.Write(update);
        }
        writer.Write(sentAt.ToUnixTimeMilliseconds());
        writer.Flush();
        return stream.ToArray();
    }

    public static byte[] EncodeAwareness(Guid sender, byte[] update)
    {
        using var stream = new MemoryStream(17 + update.Length);
        using var writer = Header(stream, RoomBusMessageKind.Awareness, sender);
        writer.Write(update);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>Throws <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> on foreign bytes.</summary>
    public static RoomBusMessage Decode(byte[] message)
    {
        using var reader = new BinaryReader(new MemoryStream(message));
        var kind = (RoomBusMessageKind)reader.ReadByte();
        var sender = new Guid(reader.ReadBytes(16));
        switch (kind)
        {
            case RoomBusMessageKind.Updates:
                var range = new AppendedRange(reader.ReadInt64(), reader.ReadInt64());
                var count = reader.ReadInt32();
                if (count < 0 || count > message.Length) throw new InvalidDataException("Bad update count.");
                var updates = new List<byte[]>(count);
                for (var i = 0; i < count; i++) updates.Add(reader.ReadBytes(reader.ReadInt32()));
                DateTimeOffset? sentAt = reader.BaseStream.Length - reader.BaseStream.Position >= 8
                    ? DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()) : null;
                return new RoomBusMessage(kind, sender, range, updates, sentAt);
            case RoomBusMessageKind.Awareness:
                return new RoomBusMessage(kind, sender, default, [message[17..]]);
            default:
                throw new InvalidDataException($"Unknown room bus message kind {(int)kind}.");
        }
    }

    private static BinaryWriter Header(Stream stream, RoomBusMessageKind kind, Guid sender)
    {
        var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write((byte)kind);
        writer.Write(sender.ToByteArray());
        return writer;
    }
}
