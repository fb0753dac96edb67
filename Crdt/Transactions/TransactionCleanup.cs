using System.Runtime.CompilerServices;
using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Events;
using Collab.Crdt.Store;
using Collab.Crdt.Types;
using Collab.Crdt.UpdateCodec;

namespace Collab.Crdt.Transactions;

/// <summary>
/// What happens when a transaction ends, in yjs's order: observers, deep observers, text
/// formatting cleanup, then garbage collection and merging of adjacent structs, then the
/// update event. The struct boundaries this leaves decide the encoded bytes, so the order and
/// the merge rules follow yjs exactly.
/// </summary>
internal static class TransactionCleanup
{
    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(List<Transaction> cleanups, int i)
    {
        while (i < cleanups.Count)
        {
            var transaction = cleanups[i];
            var doc = transaction.Doc;
            var store = doc.Store;
            var ds = transaction.DeleteSet;
            try
            {
                ds.SortAndMerge();
                transaction.After = store.SharedStateVector();
                CallObservers(transaction);
            }
            finally
            {
                if (doc.Gc) TryGcDeleteSet(ds, store);
                TryMergeDeleteSet(ds, store);
                foreach (var (client, clock) in transaction.After)
                {
                    int beforeClock = transaction.Before.GetValueOrDefault(client);
                    if (beforeClock == clock) continue;
                    var structs = store.Clients[client];
                    int firstChangePos = Math.Max(StructStore.FindIndex(structs, beforeClock), 1);
                    for (int k = structs.Count - 1; k >= firstChangePos;) k -= 1 + TryToMergeWithLefts(structs, k);
                }
                var mergeStructs = transaction._mergeStructs;
                for (int k = (mergeStructs?.Count ?? 0) - 1; k >= 0; k--)
                {
                    var id = mergeStructs![k].Id;
                    var structs = store.Clients[id.Client];
                    int replacedStructPos = StructStore.FindIndex(structs, id.Clock);
                    if (replacedStructPos + 1 < structs.Count && TryToMergeWithLefts(structs, replacedStructPos + 1) > 1) continue;
                    if (replacedStructPos > 0) TryToMergeWithLefts(structs, replacedStructPos);
                }
                if (!transaction.Local && transaction.After.GetValueOrDefault(doc.ClientId) != transaction.Before.GetValueOrDefault(doc.ClientId))
                    doc.RegenerateClientId(); // another peer used our client id
                doc.RaiseUpdate(transaction);
            }
            i++;
        }
        cleanups.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CallObservers(Transaction transaction)
    {
        var changed = transaction.Changed;
        if (changed.Count == 1)
        {
            // The usual case, one changed type: no snapshot of the dictionary to allocate.
            var (type, subs) = changed.GetAt(0);
            if (type.Item is null || !type.Item.Deleted) type.CallObserver(transaction, subs);
        }
        else
        {
            foreach (var (type, subs) in changed.ToList())
                if (type.Item is null || !type.Item.Deleted) type.CallObserver(transaction, subs);
        }
        if (transaction._changedParentTypes is { } changedParentTypes) CallDeepObservers(transaction, changedParentTypes);
        transaction.Doc.RaiseAfterTransaction(transaction);
        if (transaction.NeedFormattingCleanup) YText.CleanupAfterTransaction(transaction);
    }

    private static void CallDeepObservers(Transaction transaction, Dictionary<AbstractType, List<YEvent>> changedParentTypes)
    {
        foreach (var (type, events) in changedParentTypes.ToList())
        {
            if (!type.HasDeepObservers || (type.Item is not null && type.Item.Deleted)) continue;
            var live = events.Where(e => e.Target.Item is null || !e.Target.Item.Deleted).ToList();
            foreach (var e in live)
            {
                e.CurrentTarget = type;
                e.ResetPath();
            }
            // Stable, like JavaScript's sort: events at the same depth keep their order.
            type.CallDeepObservers(live.OrderBy(e => e.Path.Count).ToList(), transaction);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TryToMergeWithLefts(List<AbstractStruct> structs, int pos)
    {
        var right = structs[pos];
        var left = structs[pos - 1];
        int i = pos;
        for (; i > 0; right = left, left = i - 1 > 0 ? structs[i - 2] : null!, i--)
        {
            if (left.Deleted == right.Deleted && left.GetType() == right.GetType() && left.MergeWith(right))
            {
                if (right is Item { ParentSub: { } sub } ri && ri.Parent is AbstractType parent
                    && parent.Map.TryGetValue(sub, out var current) && current == ri)
                    parent.Map[sub] = (Item)left;
                continue;
            }
            break;
        }
        int merged = pos - i;
        if (merged > 0) structs.RemoveRange(pos + 1 - merged, merged);
        return merged;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TryGcDeleteSet(DeleteSet ds, StructStore store)
    {
        foreach (var (client, deleteItems) in ds.Clients)
        {
            var structs = store.Clients[client];
            int hint = structs.Count - 1; // the ranges are sorted, and visited from the last
            for (int di = deleteItems.Count - 1; di >= 0; di--)
            {
                var deleteItem = deleteItems[di];
                int end = deleteItem.Clock + deleteItem.Len;
                hint = StructStore.FindIndexNear(structs, deleteItem.Clock, hint);
                for (int si = hint; si < structs.Count; si++)
                {
                    var s = structs[si];
                    if (s.Id.Clock >= end) break;
                    if (s is Item { Deleted: true, Keep: false } item) item.Gc(store, false);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TryMergeDeleteSet(DeleteSet ds, StructStore store)
    {
        foreach (var (client, deleteItems) in ds.Clients)
        {
            var structs = store.Clients[client];
            int hint = structs.Count - 1; // the ranges are sorted, and visited from the last
            for (int di = deleteItems.Count - 1; di >= 0; di--)
            {
                var deleteItem = deleteItems[di];
                hint = StructStore.FindIndexNear(structs, deleteItem.Clock + deleteItem.Len - 1, Math.Min(hint, structs.Count - 1));
                int mostRight = Math.Min(structs.Count - 1, 1 + hint);
                for (int si = mostRight; si > 0 && structs[si].Id.Clock >= deleteItem.Clock;)
                    si -= 1 + TryToMergeWithLefts(structs, si);
            }
        }
    }
}
