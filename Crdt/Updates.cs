using Collab.Crdt.UpdateCodec;

namespace Collab.Crdt;

/// <summary>Operations on encoded v1 updates that need no document.</summary>
public static class Updates
{
    /// <summary>Combines several updates into one (as yjs <c>mergeUpdates</c>).</summary>
    public static byte[] Merge(IReadOnlyList<byte[]> updates) => Guard(() => UpdateMerger.Merge(updates));

    /// <summary>The part of <paramref name="update"/> a peer with <paramref name="stateVector"/> lacks.</summary>
    public static byte[] Diff(byte[] update, byte[] stateVector) => Guard(() => UpdateMerger.Diff(update, stateVector));

    /// <summary>The state vector a document would have after applying only this update.</summary>
    public static byte[] EncodeStateVectorFromUpdate(byte[] update) => Guard(() => UpdateMerger.EncodeStateVectorFromUpdate(update));

    /// <summary>
    /// The structs and delete set of an update, without integrating it anywhere (as yjs
    /// <c>decodeUpdate</c>). Items that have an origin carry no parent: that is known only after integration.
    /// </summary>
    public static (IReadOnlyList<Blocks.AbstractStruct> Structs, Store.DeleteSet DeleteSet) Decode(byte[] update)
    {
        try
        {
            var decoder = new Encoding.UpdateDecoderV1(update);
            var structs = StructReader.ReadStructsInOrder(decoder).SelectMany(c => c.Refs).ToList();
            return (structs, Store.DeleteSet.Read(decoder));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new CrdtFormatException("The update is inconsistent: " + e.Message, e);
        }
    }

    /// <summary>Checks that <paramref name="update"/> is a well-formed v1 update; throws <see cref="CrdtFormatException"/> otherwise.</summary>
    public static void Validate(byte[] update)
    {
        var decoder = new Encoding.UpdateDecoderV1(update);
        StructReader.ReadStructsInOrder(decoder);
        Store.DeleteSet.Read(decoder);
    }

    private static byte[] Guard(Func<byte[]> f)
    {
        try { return f(); }
        catch (CrdtFormatException) { throw; }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new CrdtFormatException("The update is inconsistent: " + e.Message, e);
        }
    }
}
