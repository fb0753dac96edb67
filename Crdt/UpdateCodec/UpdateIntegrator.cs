using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.UpdateCodec;

/// <summary>
/// Applies a decoded v1 update to a document as yjs does: structs whose dependencies are
/// missing wait in <see cref="StructStore.PendingStructs"/>, deletions of unknown clocks in
/// <see cref="StructStore.PendingDs"/>, and both are retried when later updates fill the gaps.
/// </summary>
internal static class UpdateIntegrator
{
    public static void Apply(Doc doc, byte[] update, object? origin, bool refuseOverLimits)
    {
        // Decode everything before touching the document: a malformed update fails here,
        // leaving the document exactly as it was.
        var decoder = new UpdateDecoderV1(update);
        var refs = StructReader.ReadClientsStructRefs(decoder);
        var ds = DeleteSet.Read(decoder);
        if (refuseOverLimits)
        {
            NestingDepthCheck.Check(doc.Store, refs, doc.MaxNestingDepth);
            PendingBudget.Check(doc, refs, ds, update.Length);
        }
        doc.Transact((refs, ds), static (tr, update) => Integrate(tr, update.refs, update.ds), origin, local: false);
    }

    private static void Integrate(Transaction transaction, Dictionary<ulong, StructRefs> refs, DeleteSet ds)
    {
        var doc = transaction.Doc;
        var store = doc.Store;
        // Only these clients' states can move in this call, so only they can unblock what waits:
        // looking at nothing else keeps an update's cost independent of the parked backlog.
        // Listed before integrating (which takes clients it can't integrate out of refs), and only
        // when something is parked: usually nothing is, and only then is the list read.
        var touched = store.PendingStructs is null && store.PendingDs is null ? null : new List<ulong>(refs.Keys) { doc.ClientId };
        bool retry = false;
        var restStructs = IntegrateStructs(transaction, store, refs);
        var pending = store.PendingStructs;
        if (pending is not null)
        {
            foreach (var client in touched!)
            {
                if (pending.Missing.TryGetValue(client, out var clock) && clock < store.GetState(client)) { retry = true; break; }
            }
            if (restStructs is not null && FitsBudget(doc, restStructs.Update.Length))
            {
                foreach (var (client, clock) in restStructs.Missing)
                {
                    if (!pending.Missing.TryGetValue(client, out var m) || m > clock) pending.Missing[client] = clock;
                }
                store.PendingStructs = pending with { Update = UpdateMerger.Merge([pending.Update, restStructs.Update]) };
            }
        }
        else if (restStructs is not null && FitsBudget(doc, restStructs.Update.Length)) store.PendingStructs = restStructs;

        var dsRest = ds.Clients.Count == 0 ? null : ds.ApplyTo(transaction, store);
        dsRest?.SortAndMerge(); // parked sets stay sorted: CanProgress reads each client's first range
        if (store.PendingDs is { } pendingDs && CanProgress(pendingDs, store, touched!))
        {
            store.PendingDs = null;
            var dsRest2 = pendingDs.ApplyTo(transaction, store);
            dsRest2?.SortAndMerge();
            store.PendingDs = dsRest is not null && dsRest2 is not null ? DeleteSet.Merge([dsRest, dsRest2]) : dsRest ?? dsRest2;
        }
        else if (dsRest is not null && FitsBudget(doc, PendingBudget.ParkedBytes(dsRest)))
        {
            store.PendingDs = store.PendingDs is { } parked ? DeleteSet.Merge([parked, dsRest]) : dsRest;
        }

        if (retry)
        {
            var update = store.PendingStructs!.Update;
            store.PendingStructs = null;
            var decoder = new UpdateDecoderV1(update);
            var pendingRefs = StructReader.ReadClientsStructRefs(decoder);
            var pendingDsSet = DeleteSet.Read(decoder);
            Integrate(transaction, pendingRefs, pendingDsSet);
        }
    }

    /// <summary>Whether a parked deletion range starts below its client's state now.</summary>
    private static bool CanProgress(DeleteSet pendingDs, StructStore store, List<ulong> touched)
    {
        foreach (var client in touched)
            if (pendingDs.Clients.TryGetValue(client, out var items) && items.Count > 0 && items[0].Clock < store.GetState(client)) return true;
        return false;
    }

    // Updates are checked before they are applied (PendingBudget); this holds the bound for what a
    // retry parks again. What doesn't fit is dropped: parked structs are not part of the document.
    private static bool FitsBudget(Doc doc, long bytes) => PendingBudget.ParkedBytes(doc.Store) + bytes <= doc.MaxPendingBytes;

    // Below this, a delete set's list grows as usual: a small update's deletions need no sizing.
    private const int MinReservedRanges = 64;

    private static PendingStructs? IntegrateStructs(Transaction transaction, StructStore store, Dictionary<ulong, StructRefs> clientsStructRefs)
    {
        if (clientsStructRefs.Count == 0) return null;
        var stack = new List<AbstractStruct>();
        var ids = new List<ulong>(clientsStructRefs.Keys);
        ids.Sort();

        StructRefs? GetNextStructTarget()
        {
            if (ids.Count == 0) return null;
            var next = clientsStructRefs[ids[^1]];
            while (next.Refs.Count == next.I)
            {
                ids.RemoveAt(ids.Count - 1);
                if (ids.Count == 0) return null;
                next = clientsStructRefs[ids[^1]];
            }
            return next;
        }

        var curStructsTarget = GetNextStructTarget();
        if (curStructsTarget is null) return null;
        // A load brings thousands of structs per client: size their lists once. Only for updates
        // that are all new to the document (one resent would grow the lists for nothing); an
        // exception midway leaves a reservation that only sizes that client's first list.
        foreach (var (client, refs) in clientsStructRefs)
            if (refs.I < refs.Refs.Count && refs.Refs[refs.I].Id.Clock >= store.GetState(client))
            {
                store.ReserveStructs(client, refs.Refs.Count - refs.I);
                if (refs.DeletedRanges > MinReservedRanges) transaction.DeleteSet.ReserveRanges(client, refs.DeletedRanges);
            }

        // What can't be integrated yet: made only when something is missing (rarely).
        StructStore? restStructs = null;
        Dictionary<ulong, int>? missingSv = null;
        void UpdateMissingSv(ulong client, int clock)
        {
            missingSv ??= new Dictionary<ulong, int>();
            if (!missingSv.TryGetValue(client, out var m) || m > clock) missingSv[client] = clock;
        }
        // Each client's next clock as integration goes. The client of the struct before is kept
        // beside the dictionary (written back when another client comes): a load is a long run of
        // one client's structs, and two lookups per struct were a tenth of its integration time.
        var state = new Dictionary<ulong, int>();
        ulong stateClient = 0;
        int stateClock = -1; // -1: nothing kept

        void AddStackToRestSs()
        {
            restStructs ??= new StructStore();
            foreach (var item in stack)
            {
                ulong client = item.Id.Client;
                if (clientsStructRefs.TryGetValue(client, out var inapplicable))
                {
                    inapplicable.I--;
                    restStructs.Clients[client] = inapplicable.Refs.GetRange(inapplicable.I, inapplicable.Refs.Count - inapplicable.I);
                    clientsStructRefs.Remove(client);
                    inapplicable.I = 0;
                    inapplicable.Refs = new List<AbstractStruct>();
                }
                else restStructs.Clients[client] = [item];
                ids.RemoveAll(c => c == client);
            }
            stack.Clear();
        }

        var stackHead = curStructsTarget.Refs[curStructsTarget.I++];
        while (true)
        {
            if (stackHead is not SkipStruct)
            {
                ulong headClient = stackHead.Id.Client;
                if (stateClock < 0 || headClient != stateClient)
                {
                    if (stateClock >= 0) state[stateClient] = stateClock;
                    if (!state.TryGetValue(headClient, out stateClock)) stateClock = store.GetState(headClient);
                    stateClient = headClient;
                }
                int localClock = stateClock;
                int offset = localClock - stackHead.Id.Clock;
                if (offset < 0)
                {
                    stack.Add(stackHead);
                    UpdateMissingSv(headClient, stackHead.Id.Clock - 1);
                    AddStackToRestSs();
                }
                else
                {
                    ulong? missing = stackHead is Item item ? item.GetMissing(transaction, store) : null;
                    if (missing is { } missingClient)
                    {
                        stack.Add(stackHead);
                        var structRefs = clientsStructRefs.GetValueOrDefault(missingClient) ?? new StructRefs(new List<AbstractStruct>());
                        if (structRefs.Refs.Count == structRefs.I)
                        {
                            UpdateMissingSv(missingClient, store.GetState(missingClient));
                            AddStackToRestSs();
                        }
                        else
                        {
                            stackHead = structRefs.Refs[structRefs.I++];
                            continue;
                        }
                    }
                    else if (offset == 0 || offset < stackHead.Length)
                    {
                        stackHead.Integrate(transaction, offset);
                        stateClock = stackHead.Id.Clock + stackHead.Length; // stateClient is headClient
                    }
                }
            }
            if (stack.Count > 0)
            {
                stackHead = stack[^1];
                stack.RemoveAt(stack.Count - 1);
            }
            else if (curStructsTarget is not null && curStructsTarget.I < curStructsTarget.Refs.Count)
            {
                stackHead = curStructsTarget.Refs[curStructsTarget.I++];
            }
            else
            {
                curStructsTarget = GetNextStructTarget();
                if (curStructsTarget is null) break;
                stackHead = curStructsTarget.Refs[curStructsTarget.I++];
            }
        }

        store.EndReservations();
        if (restStructs is null || restStructs.Clients.Count == 0) return null;
        var encoder = new UpdateEncoderV1();
        UpdateWriter.WriteClientsStructs(encoder, restStructs, new Dictionary<ulong, int>());
        encoder.RestEncoder.WriteVarUint(0UL);
        return new PendingStructs(missingSv ?? new Dictionary<ulong, int>(), encoder.ToArray());
    }
}
