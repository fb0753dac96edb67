using Collab.Crdt.Blocks;
using Collab.Crdt.Store;

namespace Collab.Crdt.UpdateCodec;

/// <summary>
/// Bounds what a document keeps for missing dependencies (<see cref="Doc.MaxPendingBytes"/>): an
/// update that refers to clocks neither the document nor the update has would be parked, and is
/// refused before it touches the document when the parked bytes would pass the bound.
/// </summary>
internal static class PendingBudget
{
    // What one parked deletion range costs, roughly, in its encoded form.
    private const int BytesPerDeleteRange = 8;

    public static void Check(Doc doc, Dictionary<ulong, StructRefs> refs, DeleteSet ds, int updateBytes)
    {
        var store = doc.Store;
        if (!WouldPark(store, refs, ds)) return;
        long parked = ParkedBytes(store);
        if (parked + updateBytes > doc.MaxPendingBytes)
            throw new CrdtFormatException(
                $"The update depends on changes this document doesn't have, and {parked} bytes already wait for missing changes (at most {doc.MaxPendingBytes}).");
    }

    public static long ParkedBytes(StructStore store)
    {
        long bytes = store.PendingStructs?.Update.Length ?? 0;
        return store.PendingDs is { } pendingDs ? bytes + ParkedBytes(pendingDs) : bytes;
    }

    public static long ParkedBytes(DeleteSet ds)
    {
        long bytes = 0;
        foreach (var items in ds.Clients.Values) bytes += (long)items.Count * BytesPerDeleteRange;
        return bytes;
    }

    /// <summary>Whether anything in the update refers past what the document and the update itself hold.</summary>
    private static bool WouldPark(StructStore store, Dictionary<ulong, StructRefs> refs, DeleteSet ds)
    {
        foreach (var (client, clientRefs) in refs)
        {
            if (clientRefs.Refs.Count == 0) continue;
            if (clientRefs.Refs[0].Id.Clock > store.GetState(client)) return true;
            if (!clientRefs.RefersToOtherClients) continue;
            // A reference to the item's own client points before the item (StructReader checks), so
            // to a clock the document or, from here on, the update holds: only others need a lookup.
            foreach (var s in clientRefs.Refs)
            {
                if (s is not Item item) continue;
                if (IsMissing(store, refs, client, item.Origin) || IsMissing(store, refs, client, item.RightOrigin)
                    || IsMissing(store, refs, client, item.Parent as ID?)) return true;
            }
        }
        foreach (var (client, items) in ds.Clients)
        {
            int known = Math.Max(store.GetState(client), UpdateEnd(refs, client));
            foreach (var item in items)
                if (item.Clock + item.Len > known) return true;
        }
        return false;
    }

    private static bool IsMissing(StructStore store, Dictionary<ulong, StructRefs> refs, ulong client, ID? id) =>
        id is { } dependency && dependency.Client != client
        && dependency.Clock >= store.GetState(dependency.Client) && dependency.Clock >= UpdateEnd(refs, dependency.Client);

    private static int UpdateEnd(Dictionary<ulong, StructRefs> refs, ulong client)
    {
        if (!refs.TryGetValue(client, out var clientRefs) || clientRefs.Refs.Count == 0) return 0;
        var last = clientRefs.Refs[^1];
        return last.Id.Clock + last.Length;
    }
}
