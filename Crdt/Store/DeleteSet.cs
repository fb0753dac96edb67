using System.Runtime.CompilerServices;
using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Store;

/// <summary>A deleted clock range of one client.</summary>
/// <param name="Clock">The first deleted clock.</param>
/// <param name="Len">How many clocks from <paramref name="Clock"/> are deleted.</param>
public readonly record struct DeleteItem(int Clock, int Len);

/// <summary>Deleted clock ranges per client; sorted and merged before it is written.</summary>
public sealed class DeleteSet
{
    /// <summary>Deleted ranges per client id; unsorted until <see cref="SortAndMerge"/>.</summary>
    public readonly Dictionary<ulong, List<DeleteItem>> Clients = new();

    // Sizes for the lists of clients with no range yet (ReserveRanges); a list is created by its
    // first range, as an empty one would count as a deletion (Transaction.HasChanges, the writers).
    private Dictionary<ulong, int>? _reserved;

    /// <summary>
    /// Makes room for <paramref name="count"/> more ranges of <paramref name="client"/>: a loaded
    /// document's deleted items arrive one range each, and the list would otherwise regrow (and
    /// copy, on the large object heap) a dozen times.
    /// </summary>
    internal void ReserveRanges(ulong client, int count)
    {
        if (Clients.TryGetValue(client, out var items)) items.EnsureCapacity(items.Count + count);
        else (_reserved ??= [])[client] = count;
    }

    /// <summary>Records <paramref name="length"/> clocks of <paramref name="client"/> from <paramref name="clock"/> as deleted, extending the last range when it continues it.</summary>
    public void Add(ulong client, int clock, int length)
    {
        if (!Clients.TryGetValue(client, out var items))
            Clients[client] = items = _reserved is not null && _reserved.Remove(client, out var reserved) ? new List<DeleteItem>(reserved) : new List<DeleteItem>();
        else if (items.Count > 0 && items[^1] is var last && last.Clock + last.Len == clock)
        {
            // Deletions usually come in clock order (a loaded document's deleted items, a range
            // deleted left to right): extending the last range is what SortAndMerge would do later,
            // and keeps the list, and the per-range work at the transaction's end, short.
            items[^1] = last with { Len = last.Len + length };
            return;
        }
        items.Add(new DeleteItem(clock, length));
    }

    /// <summary>Whether the delete set covers <paramref name="id"/>; the ranges must be sorted and merged.</summary>
    public bool IsDeleted(ID id) =>
        Clients.TryGetValue(id.Client, out var items) && FindIndex(items, id.Clock) is not null;

    internal static int? FindIndex(List<DeleteItem> dis, int clock)
    {
        int left = 0, right = dis.Count - 1;
        while (left <= right)
        {
            int mid = (left + right) / 2;
            var d = dis[mid];
            if (d.Clock <= clock)
            {
                if (clock < d.Clock + d.Len) return mid;
                left = mid + 1;
            }
            else right = mid - 1;
        }
        return null;
    }

    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    /// <summary>Sorts each client's ranges by clock and joins overlapping or adjacent ones (yjs's <c>sortAndMergeDeleteSet</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SortAndMerge()
    {
        foreach (var (_, dels) in Clients) // not Clients.Values: that allocates a collection per set
        {
            if (!IsSortedByClock(dels)) dels.Sort(static (a, b) => a.Clock.CompareTo(b.Clock));
            int i, j;
            for (i = 1, j = 1; i < dels.Count; i++)
            {
                var left = dels[j - 1];
                var right = dels[i];
                if (left.Clock + left.Len >= right.Clock)
                    dels[j - 1] = new DeleteItem(left.Clock, Math.Max(left.Len, right.Clock + right.Len - left.Clock));
                else
                {
                    if (j < i) dels[j] = right;
                    j++;
                }
            }
            if (j < dels.Count) dels.RemoveRange(j, dels.Count - j);
        }
    }

    // A local edit's ranges, and Add's extended ones, mostly come in clock order already: checking
    // is one pass, where the sort costs a comparison delegate per pair. (Equal clocks in either
    // order merge alike, so skipping the sort gives the same ranges.)
    private static bool IsSortedByClock(List<DeleteItem> dels)
    {
        for (int i = 1; i < dels.Count; i++)
            if (dels[i - 1].Clock > dels[i].Clock) return false;
        return true;
    }

    /// <summary>A new, sorted and merged delete set holding the ranges of all <paramref name="dss"/> (yjs's <c>mergeDeleteSets</c>).</summary>
    public static DeleteSet Merge(IReadOnlyList<DeleteSet> dss)
    {
        var merged = new DeleteSet();
        for (int k = 0; k < dss.Count; k++)
        {
            foreach (var (client, delsLeft) in dss[k].Clients)
            {
                if (merged.Clients.ContainsKey(client)) continue;
                var dels = new List<DeleteItem>(delsLeft);
                for (int i = k + 1; i < dss.Count; i++)
                    if (dss[i].Clients.TryGetValue(client, out var more)) dels.AddRange(more);
                merged.Clients[client] = dels;
            }
        }
        merged.SortAndMerge();
        return merged;
    }

    /// <summary>The delete set of a whole store, adjacent deleted structs merged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DeleteSet FromStructStore(StructStore store)
    {
        var ds = new DeleteSet();
        foreach (var (client, structs) in store.Clients)
        {
            List<DeleteItem>? items = null;
            for (int i = 0; i < structs.Count; i++)
            {
                var s = structs[i];
                if (!s.Deleted) continue;
                int clock = s.Id.Clock, len = s.Length;
                while (i + 1 < structs.Count && structs[i + 1].Deleted) len += structs[++i].Length;
                (items ??= new List<DeleteItem>()).Add(new DeleteItem(clock, len));
            }
            if (items is not null) ds.Clients[client] = items;
        }
        return ds;
    }

    /// <summary>Writes the delete set in the v1 format, clients in descending id order as yjs does; sort and merge first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(UpdateEncoderV1 encoder)
    {
        var w = encoder.RestEncoder;
        w.WriteVarUint((ulong)Clients.Count);
        foreach (var client in Clients.Keys.OrderByDescending(c => c))
        {
            var items = Clients[client];
            w.WriteVarUint(client);
            w.WriteVarUint((ulong)items.Count);
            foreach (var item in items)
            {
                encoder.WriteDsClock(item.Clock);
                encoder.WriteDsLen(item.Len);
            }
        }
    }

    /// <summary>Reads a v1 delete set.</summary>
    /// <exception cref="CrdtFormatException">The input is malformed or truncated.</exception>
    public static DeleteSet Read(UpdateDecoderV1 decoder)
    {
        var ds = new DeleteSet();
        var r = decoder.RestDecoder;
        int numClients = r.ReadCount("delete-set client count", 2);
        for (int i = 0; i < numClients; i++)
        {
            ulong client = decoder.ReadClient();
            int n = r.ReadCount("delete-set range count", 2);
            if (n == 0) continue;
            if (!ds.Clients.TryGetValue(client, out var items)) ds.Clients[client] = items = new List<DeleteItem>(n);
            for (int k = 0; k < n; k++)
            {
                int clock = decoder.ReadDsClock();
                int len = decoder.ReadDsLen();
                if ((long)clock + len > int.MaxValue) throw new CrdtFormatException("A deleted range is out of range.");
                items.Add(new DeleteItem(clock, len));
            }
        }
        return ds;
    }

    /// <summary>Deletes what the store has; returns the ranges it doesn't have yet, or null.</summary>
    internal DeleteSet? ApplyTo(Transaction transaction, StructStore store)
    {
        var unapplied = new DeleteSet();
        foreach (var (client, items) in Clients)
        {
            store.Clients.TryGetValue(client, out var structs);
            int state = store.GetState(client);
            int index = 0;
            foreach (var di in items)
            {
                int clock = di.Clock, clockEnd = di.Clock + di.Len;
                if (clock < state)
                {
                    if (state < clockEnd) unapplied.Add(client, state, clockEnd - state);
                    index = StructStore.FindIndexNear(structs!, clock, index); // ranges come in clock order
                    var s = structs![index];
                    if (!s.Deleted && s.Id.Clock < clock)
                    {
                        structs.Insert(index + 1, Item.Split(transaction, (Item)s, clock - s.Id.Clock));
                        index++;
                    }
                    while (index < structs.Count)
                    {
                        s = structs[index++];
                        if (s.Id.Clock >= clockEnd) break;
                        if (s.Deleted) continue;
                        if (clockEnd < s.Id.Clock + s.Length)
                            structs.Insert(index, Item.Split(transaction, (Item)s, clockEnd - s.Id.Clock));
                        ((Item)s).Delete(transaction);
                    }
                }
                else unapplied.Add(client, clock, clockEnd - clock);
            }
        }
        return unapplied.Clients.Count == 0 ? null : unapplied;
    }

    /// <summary>This delete set as an update without structs.</summary>
    internal byte[] ToUpdate()
    {
        var encoder = new UpdateEncoderV1();
        encoder.RestEncoder.WriteVarUint(0UL);
        Write(encoder);
        return encoder.ToArray();
    }
}
