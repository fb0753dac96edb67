using Collab.Crdt.Blocks;
using Collab.Crdt.Content;
using Collab.Crdt.Encoding;
using Collab.Crdt.Types;

namespace Collab.Crdt.UpdateCodec;

/// <summary>Decodes the struct section of a v1 update, checking everything that could fail later.</summary>
internal static class StructReader
{
    /// <summary>Reads all structs, per client. Root parents stay as name strings until integration.</summary>
    public static Dictionary<ulong, StructRefs> ReadClientsStructRefs(UpdateDecoderV1 decoder)
    {
        // Straight into the dictionary (every applied update passes here): no list of pairs between.
        int numOfStateUpdates = decoder.RestDecoder.ReadCount("client count", 3);
        var clientRefs = new Dictionary<ulong, StructRefs>(Math.Min(numOfStateUpdates, 16));
        for (int i = 0; i < numOfStateUpdates; i++)
        {
            var refs = ReadClientStructs(decoder, out var client);
            clientRefs[client] = refs;
        }
        return clientRefs;
    }

    /// <summary>Reads all structs, grouped per client in the order the update lists them.</summary>
    public static List<(ulong Client, List<AbstractStruct> Refs)> ReadStructsInOrder(UpdateDecoderV1 decoder)
    {
        var result = new List<(ulong, List<AbstractStruct>)>();
        int numOfStateUpdates = decoder.RestDecoder.ReadCount("client count", 3);
        for (int i = 0; i < numOfStateUpdates; i++)
        {
            var refs = ReadClientStructs(decoder, out var client);
            result.Add((client, refs.Refs));
        }
        return result;
    }

    /// <summary>One client's section: its struct count, id, first clock and structs.</summary>
    private static StructRefs ReadClientStructs(UpdateDecoderV1 decoder, out ulong client)
    {
        var r = decoder.RestDecoder;
        int numberOfStructs = r.ReadCount("struct count", 2);
        var refs = new List<AbstractStruct>(numberOfStructs);
        var result = new StructRefs(refs);
        client = decoder.ReadClient();
        int clock = r.ReadVarUintAsInt("clock");
        int deletedEnd = -1;
        for (int k = 0; k < numberOfStructs; k++)
        {
            byte info = decoder.ReadInfo();
            AbstractStruct s;
            switch (info & 0x1F)
            {
                case GcStruct.StructRef:
                    s = new GcStruct(new ID(client, clock), decoder.ReadLen());
                    break;
                case SkipStruct.StructRef:
                    s = new SkipStruct(new ID(client, clock), r.ReadVarUintAsInt("skip length"));
                    break;
                default:
                    var item = ReadItem(decoder, info, new ID(client, clock));
                    if (item.Content is ContentDeleted)
                    {
                        if (clock != deletedEnd) result.DeletedRanges++;
                        deletedEnd = clock + item.Length;
                    }
                    else if (item.Content is ContentType) result.HoldsTypes = true;
                    if (!result.RefersToOtherClients && item.RefersToOtherClient()) result.RefersToOtherClients = true;
                    s = item;
                    break;
            }
            if (s.Length <= 0) throw new CrdtFormatException($"Struct {s.Id} has no length.");
            if ((long)clock + s.Length > int.MaxValue) throw new CrdtFormatException($"Struct {s.Id} is out of the clock range.");
            refs.Add(s);
            clock += s.Length;
        }
        return result;
    }

    private static Item ReadItem(UpdateDecoderV1 decoder, byte info, ID id)
    {
        ID? origin = (info & 0x80) != 0 ? decoder.ReadLeftId() : null;
        ID? rightOrigin = (info & 0x40) != 0 ? decoder.ReadRightId() : null;
        bool cantCopyParentInfo = (info & 0xC0) == 0;
        object? parent = null;
        if (cantCopyParentInfo) parent = decoder.ReadParentInfo() ? decoder.ReadKey() : decoder.ReadLeftId();
        string? parentSub = cantCopyParentInfo && (info & 0x20) != 0 ? decoder.ReadKey() : null;
        var content = ReadContent(decoder, info);
        // References to the same client must point backwards; anything else is not a Yjs update.
        CheckSameClientReference(id, origin, "origin");
        CheckSameClientReference(id, rightOrigin, "right origin");
        if (parent is ID pid) CheckSameClientReference(id, pid, "parent");
        return new Item(id, null, origin, null, rightOrigin, parent, parentSub, content);
    }

    private static void CheckSameClientReference(ID id, ID? reference, string what)
    {
        if (reference is { } r && r.Client == id.Client && r.Clock >= id.Clock)
            throw new CrdtFormatException($"Struct {id} has its {what} {r} at or after itself.");
    }

    private static IItemContent ReadContent(UpdateDecoderV1 decoder, byte info) => (info & 0x1F) switch
    {
        ContentDeleted.RefNumber => ContentDeleted.Read(decoder),
        ContentJson.RefNumber => ContentJson.Read(decoder),
        ContentBinary.RefNumber => ContentBinary.Read(decoder),
        ContentString.RefNumber => ContentString.Read(decoder),
        ContentEmbed.RefNumber => ContentEmbed.Read(decoder),
        ContentFormat.RefNumber => ContentFormat.Read(decoder),
        ContentType.RefNumber => ContentType.Read(decoder),
        ContentAny.RefNumber => ContentAny.Read(decoder),
        ContentDoc.RefNumber => ContentDoc.Read(decoder),
        var other => throw new CrdtFormatException($"Unknown content type {other}."),
    };
}
