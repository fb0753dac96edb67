using System.Runtime.CompilerServices;
using Collab.Crdt.Content;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Blocks;

/// <summary>
/// A block of content in a shared type's sequence (YATA). <see cref="Origin"/> and
/// <see cref="RightOrigin"/> are the neighbours at creation time and never change; they decide
/// the order of concurrent inserts.
/// </summary>
public sealed class Item : AbstractStruct
{
    private const byte KeepBit = 1, CountableBit = 2, DeletedBit = 4, MarkerBit = 8, EverMarkedBit = 16;

    /// <summary>The item currently to the left in the parent's sequence (deleted items included), or null at the start.</summary>
    public Item? Left;
    /// <summary>The item currently to the right in the parent's sequence (deleted items included), or null at the end.</summary>
    public Item? Right;
    // The origins unpacked, clock -1 for none: a nullable ID takes 24 bytes with its flag and
    // padding, these 12, and every item of a document carries two.
    private ulong _originClient, _rightOriginClient;
    private int _originClock = -1, _rightOriginClock = -1;

    /// <summary>The item's left neighbour when it was created (the last clock of it), or null at the start.</summary>
    public ID? Origin
    {
        get => _originClock < 0 ? null : new ID(_originClient, _originClock);
        set => (_originClient, _originClock) = value is { } v ? (v.Client, v.Clock) : (0UL, -1);
    }

    /// <summary>The item's right neighbour when it was created, or null at the end.</summary>
    public ID? RightOrigin
    {
        get => _rightOriginClock < 0 ? null : new ID(_rightOriginClient, _rightOriginClock);
        set => (_rightOriginClient, _rightOriginClock) = value is { } v ? (v.Client, v.Clock) : (0UL, -1);
    }
    /// <summary>The parent type; while decoding, an <see cref="ID"/> or a root name string.</summary>
    public object? Parent;
    /// <summary>The map key when the item is an entry of a map-like type; null when it is part of the sequence.</summary>
    public string? ParentSub;
    /// <summary>What the item carries (text, values, a nested type, …); replaced by <see cref="ContentDeleted"/> when garbage collected.</summary>
    public IItemContent Content;
    private byte _info;

    /// <summary>Creates an item that is not yet integrated; <see cref="Integrate"/> places it (like yjs's <c>new Item(...)</c>).</summary>
    /// <param name="id">Author and first clock.</param>
    /// <param name="left">Current left neighbour, if known.</param>
    /// <param name="origin">Left neighbour at creation, or null at the start.</param>
    /// <param name="right">Current right neighbour, if known.</param>
    /// <param name="rightOrigin">Right neighbour at creation, or null at the end.</param>
    /// <param name="parent">The parent type, or while decoding its <see cref="ID"/> or root name.</param>
    /// <param name="parentSub">The map key, or null for sequence content.</param>
    /// <param name="content">The content; its length becomes the item's clock length.</param>
    public Item(ID id, Item? left, ID? origin, Item? right, ID? rightOrigin, object? parent, string? parentSub, IItemContent content)
        : base(id, content.Length)
    {
        Origin = origin;
        Left = left;
        Right = right;
        RightOrigin = rightOrigin;
        Parent = parent;
        ParentSub = parentSub;
        Content = content;
        _info = content.Countable ? CountableBit : (byte)0;
    }

    /// <summary>Whether an array search marker currently points at this item (yjs's <c>item.marker</c>).</summary>
    public bool Marker
    {
        get => (_info & MarkerBit) != 0;
        set => _info = value ? (byte)(_info | MarkerBit | EverMarkedBit) : (byte)(_info & ~MarkerBit);
    }

    /// <summary>
    /// Whether a search marker has ever pointed at this item. Unlike <see cref="Marker"/> (which
    /// follows yjs exactly, and is cleared when one of two markers on an item moves away) it never
    /// clears, so an item without it has no marker on it and a merge need not look for one.
    /// </summary>
    internal bool EverMarked => (_info & EverMarkedBit) != 0;

    /// <summary>Whether garbage collection must keep this item's content even when deleted (yjs's <c>item.keep</c>).</summary>
    public bool Keep
    {
        get => (_info & KeepBit) != 0;
        set => _info = value ? (byte)(_info | KeepBit) : (byte)(_info & ~KeepBit);
    }

    /// <summary>Whether the content counts towards the parent's length (false for format marks and deleted content).</summary>
    public bool Countable => (_info & CountableBit) != 0;
    /// <inheritdoc/>
    public override bool Deleted => (_info & DeletedBit) != 0;
    /// <summary>Flags the item deleted without touching the parent or the transaction; <see cref="Delete"/> is the full operation.</summary>
    public void MarkDeleted() => _info |= DeletedBit;

    /// <summary>The id of the item's last clock.</summary>
    public ID LastId => Length == 1 ? Id : new ID(Id.Client, Id.Clock + Length - 1);

    /// <summary>The next item to the right that is not deleted.</summary>
    public Item? Next
    {
        get
        {
            var n = Right;
            while (n is { Deleted: true }) n = n.Right;
            return n;
        }
    }

    /// <summary>The next item to the left that is not deleted.</summary>
    public Item? Prev
    {
        get
        {
            var n = Left;
            while (n is { Deleted: true }) n = n.Left;
            return n;
        }
    }

    /// <summary>Whether the item's origins or parent (as decoded) refer to a clock of another client than its own.</summary>
    internal bool RefersToOtherClient() =>
        (_originClock >= 0 && _originClient != Id.Client) || (_rightOriginClock >= 0 && _rightOriginClient != Id.Client)
        || (Parent is ID p && p.Client != Id.Client);

    /// <summary>
    /// Returns the client whose structs this item still needs, or null when all are present,
    /// in which case left, right and parent are resolved.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal ulong? GetMissing(Transaction transaction, StructStore store)
    {
        // The unpacked origins, not the ID? properties: this runs for every struct an update brings.
        ulong client = Id.Client;
        if (_originClock >= 0 && _originClient != client && _originClock >= store.GetState(_originClient)) return _originClient;
        if (_rightOriginClock >= 0 && _rightOriginClient != client && _rightOriginClock >= store.GetState(_rightOriginClient)) return _rightOriginClient;
        if (Parent is ID p && client != p.Client && p.Clock >= store.GetState(p.Client)) return p.Client;
        if (Parent is string rootName) Parent = transaction.Doc.GetOrCreateRoot(rootName);

        AbstractStruct? left = null, right = null;
        if (_originClock >= 0)
        {
            left = store.GetItemCleanEnd(transaction, new ID(_originClient, _originClock));
            (_originClient, _originClock) = (left.Id.Client, left.Id.Clock + left.Length - 1);
        }
        if (_rightOriginClock >= 0)
        {
            right = store.GetItemCleanStart(transaction, new ID(_rightOriginClient, _rightOriginClock));
            (_rightOriginClient, _rightOriginClock) = (right.Id.Client, right.Id.Clock);
        }
        Left = left as Item;
        Right = right as Item;
        if (left is GcStruct || right is GcStruct)
        {
            Parent = null;
        }
        else if (Parent is null)
        {
            if (left is Item l) { Parent = l.Parent; ParentSub = l.ParentSub; }
            else if (right is Item r) { Parent = r.Parent; ParentSub = r.ParentSub; }
        }
        else if (Parent is ID parentId)
        {
            var parentStruct = store.Find(parentId);
            // A parent that is not a shared type leaves the item without parent, so it becomes
            // a GC struct as in yjs (whose parent is then undefined); integration must not fail.
            Parent = parentStruct is Item { Content: ContentType ct } ? ct.Type : null;
        }
        return null;
    }

    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Integrate(Transaction transaction, int offset)
    {
        var store = transaction.Doc.Store;
        if (offset > 0) TakeOffset(transaction, store, offset);

        // The last guard of Doc.MaxNestingDepth, for structs that waited for their parent (updates are
        // checked before they are applied): a type too deep is dropped like one whose parent is gone.
        if (Content is ContentType && Parent is AbstractType holder && holder.Depth >= transaction.Doc.MaxNestingDepth) Parent = null;

        if (Parent is AbstractType parent)
        {
            // The first item of an empty list has nothing to be ordered against (ResolveConflict would find no item to walk).
            bool intoEmptyList = Left is null && ParentSub is null && parent.Start is null;
            if (((Left is null && (Right is null || Right.Left is not null)) || (Left is not null && Left.Right != Right)) && !intoEmptyList)
                Left = ResolveConflict(transaction, store, parent);

            if (Left is not null)
            {
                Right = Left.Right;
                Left.Right = this;
            }
            else
            {
                Item? r;
                if (ParentSub is not null)
                {
                    r = parent.Map.GetValueOrDefault(ParentSub);
                    while (r is { Left: not null }) r = r.Left;
                }
                else
                {
                    r = parent.Start;
                    parent.Start = this;
                }
                Right = r;
            }

            if (Right is not null) Right.Left = this;
            else if (ParentSub is not null)
            {
                parent.Map[ParentSub] = this;
                Left?.Delete(transaction);
            }

            if (ParentSub is null && Countable && !Deleted) parent.LengthInternal += Length;
            store.AddStruct(this);
            Content.Integrate(transaction, this);
            transaction.AddChangedType(parent, ParentSub);
            if ((parent.Item is { Deleted: true }) || (ParentSub is not null && Right is not null))
                Delete(transaction);
        }
        else
        {
            new GcStruct(Id, Length).Integrate(transaction, 0);
        }
    }

    // Paths of Integrate a local edit never takes, apart so that a fresh process compiles them only
    // when they happen and the JIT's work on the first Integrate stays small.

    /// <summary>Integrates from <paramref name="offset"/> on: the clocks before it are here already.</summary>
    private void TakeOffset(Transaction transaction, StructStore store, int offset)
    {
        Id = new ID(Id.Client, Id.Clock + offset);
        var left = store.GetItemCleanEnd(transaction, new ID(Id.Client, Id.Clock - 1));
        Left = left as Item;
        Origin = left is Item li ? li.LastId : new ID(left.Id.Client, left.Id.Clock + left.Length - 1);
        Content = SpliceContent(ref Content, offset);
        Length -= offset;
        // Honest peers agree on what a clock holds, so the part already here has our parent.
        // A hostile update that disagrees would link us into another type's list: keep only
        // the clock range, as a GC struct.
        if (left is Item known && (known.Parent != Parent || known.ParentSub != ParentSub)) Parent = null;
    }

    /// <summary>YATA's ordering of concurrent inserts between <see cref="Left"/> and <see cref="Right"/>: the item to integrate after.</summary>
    // Hot where a server integrates concurrent edits: optimized at first call, as Integrate is.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Item? ResolveConflict(Transaction transaction, StructStore store, AbstractType parent)
    {
        var left = Left;
        Item? o;
        if (left is not null) o = left.Right;
        else if (ParentSub is not null)
        {
            o = parent.Map.GetValueOrDefault(ParentSub);
            while (o is { Left: not null }) o = o.Left;
        }
        else o = parent.Start;

        var (conflictingItems, itemsBeforeOrigin) = transaction.ConflictScratch();
        while (o is not null && o != Right)
        {
            itemsBeforeOrigin.Add(o);
            conflictingItems.Add(o);
            if (Origin == o.Origin)
            {
                if (o.Id.Client < Id.Client)
                {
                    left = o;
                    conflictingItems.Clear();
                }
                else if (RightOrigin == o.RightOrigin)
                {
                    break;
                }
            }
            else if (o.Origin is { } oo && store.Find(oo) is Item oOrigin && itemsBeforeOrigin.Contains(oOrigin))
            {
                if (!conflictingItems.Contains(oOrigin))
                {
                    left = o;
                    conflictingItems.Clear();
                }
            }
            else break;
            o = o.Right;
        }
        conflictingItems.Clear();
        itemsBeforeOrigin.Clear();
        return left;
    }

    /// <summary>Appends <paramref name="rightStruct"/> to this item when it continues it (same client, consecutive clocks, same origins and content kind), moving search markers along.</summary>
    /// <returns>Whether the merge happened; the caller then drops the right item.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool MergeWith(AbstractStruct rightStruct)
    {
        if (rightStruct is not Item right) return false;
        // The unpacked origins, not the ID? properties: right's origin is our last clock, and both
        // have the same right origin (or none: clock -1).
        if (right._originClock == Id.Clock + Length - 1 && right._originClient == Id.Client && Right == right
            && _rightOriginClock == right._rightOriginClock && (_rightOriginClock < 0 || _rightOriginClient == right._rightOriginClient)
            && Id.Client == right.Id.Client && Id.Clock + Length == right.Id.Clock
            && Deleted == right.Deleted && Content.GetType() == right.Content.GetType()
            && MergeContent(right.Content))
        {
            if (right.EverMarked && Parent is AbstractType { SearchMarkers: { } markers })
            {
                var marked = markers.P.AsSpan(0, markers.Count);
                for (int i = 0; i < marked.Length; i++)
                {
                    if (marked[i] == right)
                    {
                        marked[i] = this;
                        _info |= EverMarkedBit;
                        if (!Deleted && Countable) markers.Index[i] -= Length;
                    }
                }
            }
            if (right.Keep) Keep = true;
            Right = right.Right;
            if (Right is not null) Right.Left = this;
            Length += right.Length;
            return true;
        }
        return false;
    }

    /// <summary>Deletes the item inside <paramref name="transaction"/>: updates the parent's length, records the range in the transaction's delete set and marks the parent changed (like yjs's <c>item.delete</c>). Does nothing when already deleted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Delete(Transaction transaction)
    {
        if (Deleted) return;
        var parent = (AbstractType)Parent!;
        if (Countable && ParentSub is null) parent.LengthInternal -= Length;
        if (parent.SearchMarkers is not null) parent.MarkersMayNeedMoving = true;
        MarkDeleted();
        transaction.DeleteSet.Add(Id.Client, Id.Clock, Length);
        transaction.AddChangedType(parent, ParentSub);
        Content.Delete(transaction);
    }

    internal void Gc(StructStore store, bool parentGcd)
    {
        if (!Deleted) throw new InvalidOperationException("Only deleted items can be garbage collected.");
        Content.Gc(store);
        if (parentGcd) store.ReplaceStruct(this, new GcStruct(Id, Length));
        // Content deleted before it arrived (a loaded document's deletions) already is what this
        // would allocate: keeping it spares a load one object per deleted item.
        else if (Content is not ContentDeleted) Content = ContentDeleted.Of(Length);
    }

    /// <summary>
    /// Splits <paramref name="content"/> at <paramref name="offset"/> (<see cref="IItemContent.Splice"/>),
    /// leaving the left part in <paramref name="content"/>; shared deleted content is replaced by
    /// the shared instances of both lengths instead of being changed.
    /// </summary>
    internal static IItemContent SpliceContent(ref IItemContent content, int offset)
    {
        if (content is ContentDeleted { IsShared: true } deleted)
        {
            var right = ContentDeleted.Of(deleted.Length - offset);
            content = ContentDeleted.Of(offset);
            return right;
        }
        return content.Splice(offset);
    }

    /// <summary>Appends <paramref name="right"/> to this item's content (<see cref="IItemContent.MergeWith"/>), replacing shared deleted content instead of changing it.</summary>
    internal bool MergeContent(IItemContent right)
    {
        if (Content is ContentDeleted { IsShared: true } deleted)
        {
            Content = ContentDeleted.Of(deleted.Length + right.Length);
            return true;
        }
        return Content.MergeWith(right);
    }

    /// <inheritdoc/>
    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        ID? origin = offset > 0 ? new ID(Id.Client, Id.Clock + offset - 1) : Origin;
        byte info = (byte)((Content.Ref & 0x1F)
            | (origin is null ? 0 : 0x80)
            | (RightOrigin is null ? 0 : 0x40)
            | (ParentSub is null ? 0 : 0x20));
        encoder.WriteInfo(info);
        if (origin is { } oid) encoder.WriteLeftId(oid);
        if (RightOrigin is { } rid) encoder.WriteRightId(rid);
        if (origin is null && RightOrigin is null)
        {
            switch (Parent)
            {
                case AbstractType type when type.Item is null:
                    encoder.WriteParentInfo(true);
                    encoder.WriteString(type.RootName ?? throw new InvalidOperationException("A root type has no name."));
                    break;
                case AbstractType type:
                    encoder.WriteParentInfo(false);
                    encoder.WriteLeftId(type.Item!.Id);
                    break;
                case string rootName:
                    encoder.WriteParentInfo(true);
                    encoder.WriteString(rootName);
                    break;
                case ID parentId:
                    encoder.WriteParentInfo(false);
                    encoder.WriteLeftId(parentId);
                    break;
                default:
                    throw new InvalidOperationException("An item without origins must have a parent.");
            }
            if (ParentSub is not null) encoder.WriteString(ParentSub);
        }
        Content.Write(encoder, offset);
    }

    /// <summary>Splits this item at <paramref name="diff"/>; returns the new right part.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Item Split(Transaction transaction, Item leftItem, int diff)
    {
        var (client, clock) = (leftItem.Id.Client, leftItem.Id.Clock);
        var rightItem = new Item(new ID(client, clock + diff), leftItem, new ID(client, clock + diff - 1),
            leftItem.Right, leftItem.RightOrigin, leftItem.Parent, leftItem.ParentSub, SpliceContent(ref leftItem.Content, diff));
        if (leftItem.Deleted) rightItem.MarkDeleted();
        if (leftItem.Keep) rightItem.Keep = true;
        leftItem.Right = rightItem;
        if (rightItem.Right is not null) rightItem.Right.Left = rightItem;
        transaction.MergeStructs.Add(rightItem);
        if (rightItem.ParentSub is not null && rightItem.Right is null)
            ((AbstractType)rightItem.Parent!).Map[rightItem.ParentSub] = rightItem;
        leftItem.Length = diff;
        return rightItem;
    }
}
