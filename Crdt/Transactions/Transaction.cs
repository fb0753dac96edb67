using Collab.Crdt.Blocks;
using Collab.Crdt.Events;
using Collab.Crdt.Store;
using Collab.Crdt.Types;

namespace Collab.Crdt.Transactions;

/// <summary>
/// A batch of changes to a <see cref="Doc"/>. Observers, garbage collection, struct merging
/// and the update event run once, when the outermost transaction ends.
/// </summary>
public sealed class Transaction
{
    /// <summary>The document being changed.</summary>
    public Doc Doc { get; }
    /// <summary>Clock ranges deleted in this transaction.</summary>
    public DeleteSet DeleteSet { get; } = new();
    /// <summary>Each client's next clock when the transaction started (read-only: shared with the previous transaction's <see cref="AfterState"/>).</summary>
    public IReadOnlyDictionary<ulong, int> BeforeState => Before;
    /// <summary>Each client's next clock when the transaction ended, before observers ran (read-only, shared as <see cref="BeforeState"/>).</summary>
    public IReadOnlyDictionary<ulong, int> AfterState => After;
    internal readonly Dictionary<ulong, int> Before;
    internal Dictionary<ulong, int> After { get => _afterState ??= new(); set => _afterState = value; }
    /// <summary>
    /// Types changed in this transaction, with the map keys changed (null for list changes), in
    /// the order yjs's Map keeps them: a type removed and added again (a deleted nested type) goes
    /// to the end, which decides the order observers are called in.
    /// The sets are read-only: a type whose list alone changed (most edits) gets a shared set of just null.
    /// </summary>
    public OrderedDictionary<AbstractType, HashSet<string?>> Changed { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>Events per type for its deep observers; only types someone observes get events.</summary>
    public Dictionary<AbstractType, List<YEvent>> ChangedParentTypes => _changedParentTypes ??= new(ReferenceEqualityComparer.Instance);
    /// <summary>What the caller passed to identify the change's source (yjs's <c>transaction.origin</c>), e.g. a connection; null when none.</summary>
    public object? Origin { get; }
    /// <summary>True for changes made on this peer, false for applied updates.</summary>
    public bool Local { get; }
    /// <summary>Free storage for observers and extensions during this transaction (yjs's <c>transaction.meta</c>).</summary>
    public Dictionary<string, object?> Meta => _meta ??= new();
    /// <summary>Items split in this transaction, to merge again at its end.</summary>
    internal List<AbstractStruct> MergeStructs => _mergeStructs ??= new();
    // Allocated on first use: most transactions of a typing user need none of them.
    private Dictionary<ulong, int>? _afterState;
    internal Dictionary<AbstractType, List<YEvent>>? _changedParentTypes;
    private Dictionary<string, object?>? _meta;
    internal List<AbstractStruct>? _mergeStructs;
    internal bool NeedFormattingCleanup;
    // The type last recorded in Changed with a list change (see AddChangedType).
    private AbstractType? _listChangedLast;
    // The value of Changed for a type whose list alone changed: one set for all, copied before a key is added.
    private static readonly HashSet<string?> ListChanged = [null];

    internal Transaction(Doc doc, object? origin, bool local)
    {
        Doc = doc;
        Before = doc.Store.SharedStateVector();
        Origin = origin;
        Local = local;
    }

    // The two sets Item.Integrate needs to order concurrent inserts, per thread rather than per
    // transaction or per item: concurrent inserts at one position make nearly every remote
    // transaction resolve a conflict, and two fresh sets (grown as they fill) each time were a
    // large share of what a small edit allocates. Integration never runs two resolutions at once
    // on one thread. Emptied after each use (they must not keep a closed room's items alive), and
    // sets that grew large (an import) are let go rather than kept per thread.
    [ThreadStatic] private static HashSet<Item>? t_conflictingItems;
    [ThreadStatic] private static HashSet<Item>? t_itemsBeforeOrigin;
    // Concurrent typing at one spot puts hundreds of items between an insert's origins: sets of
    // that size are kept (a few tens of KB per thread), larger ones are not.
    private const int MaxKeptScratchItems = 2048;

    /// <summary>Empty sets for one item's conflict resolution; the same two each time on a thread.</summary>
    internal (HashSet<Item> ConflictingItems, HashSet<Item> ItemsBeforeOrigin) ConflictScratch() =>
        (Scratch(ref t_conflictingItems), Scratch(ref t_itemsBeforeOrigin));

    private static HashSet<Item> Scratch(ref HashSet<Item>? kept)
    {
        if (kept is null || kept.EnsureCapacity(0) > MaxKeptScratchItems) return kept = new HashSet<Item>(ReferenceEqualityComparer.Instance);
        kept.Clear();
        return kept;
    }

    internal ID NextId() => new(Doc.ClientId, Doc.Store.GetState(Doc.ClientId));

    internal void AddChangedType(AbstractType type, string? parentSub)
    {
        // A load or a batch integrates thousands of items into one list, each calling this: once the
        // type is recorded with its list changed, another list change adds nothing. (Only a deletion
        // of the type's own item takes it out of Changed again, and a deleted type is not added back.)
        if (parentSub is null && ReferenceEquals(type, _listChangedLast)) return;
        var item = type.Item;
        if (item is null || (item.Id.Clock < Before.GetValueOrDefault(item.Id.Client) && !item.Deleted))
        {
            if (parentSub is not null) AddChangedKey(type, parentSub);
            else
            {
                if (!Changed.TryGetValue(type, out var subs)) Changed[type] = ListChanged;
                else if (!ReferenceEquals(subs, ListChanged)) subs.Add(null);
                _listChangedLast = type;
            }
        }
    }

    // Apart from AddChangedType, which every list edit calls: a text's edits never change a key,
    // and a fresh process then doesn't compile the sets' creation with its first edit.
    private void AddChangedKey(AbstractType type, string parentSub)
    {
        if (!Changed.TryGetValue(type, out var subs)) Changed[type] = new HashSet<string?> { parentSub };
        else if (ReferenceEquals(subs, ListChanged)) Changed[type] = new HashSet<string?> { null, parentSub };
        else subs.Add(parentSub);
    }

    internal bool HasChanges()
    {
        if (DeleteSet.Clients.Count > 0) return true;
        foreach (var (client, clock) in After)
            if (!Before.TryGetValue(client, out var before) || before != clock) return true;
        return false;
    }
}
