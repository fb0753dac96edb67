using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Content;
using Collab.Crdt.Events;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>
/// Base of all shared types. A list type keeps its items from <see cref="Start"/>; a map type
/// keeps the newest item per key in <see cref="Map"/>. A plain <see cref="AbstractType"/> is a
/// root seen in an update before anyone asked for it by type.
/// </summary>
public class AbstractType
{
        /// <summary>The item that holds this type in its parent; null for a root type or one not yet inserted (yjs's <c>type._item</c>).</summary>
        public Item? Item { get; internal set; }
    /// <summary>Map-like content: the newest item per key, deleted ones included (yjs's <c>type._map</c>). Read it; change it only through the typed API.</summary>
    public Dictionary<string, Item> Map => _map ??= new();
    // Made on first use: most of a notebook's types are lists (sources, outputs) and never hold a
    // key, and an empty dictionary per type was a tenth of a small room's Doc.
    private Dictionary<string, Item>? _map;
    /// <summary>The map-like content, or null when this type never held a key (reading it then makes no dictionary).</summary>
    internal Dictionary<string, Item>? MapIfAny => _map;
    /// <summary>The first item of the list-like content, deleted ones included (yjs's <c>type._start</c>); follow <see cref="Blocks.Item.Right"/> to walk it.</summary>
    public Item? Start { get; internal set; }
    /// <summary>The document this type belongs to; null until it is inserted or obtained as a root.</summary>
    public Doc? Doc { get; private set; }
    internal int LengthInternal;
    internal ArraySearchMarkers? SearchMarkers;
    /// <summary>
    /// Whether a marker may sit on a deleted or uncountable item, which the next insert moves
    /// left. Set when an item of this type is deleted or a marker is put on such an item; while
    /// it is clear an insert only shifts marker indices, without reading their items.
    /// </summary>
    internal bool MarkersMayNeedMoving;
    internal bool HasFormatting;
    /// <summary>The name under which this type is a root of its document; null for nested types.</summary>
    public string? RootName { get; internal set; }
    /// <summary>How many types hold this one: 0 for a root, 1 for a type inside a root, and so on.</summary>
    public int Depth { get; private set; }

    // Made when the first handler is added: a server's types are observed by no one.
    private List<Action<YEvent, Transaction>>? _observers;
    private List<Action<IReadOnlyList<YEvent>, Transaction>>? _deepObservers;

    /// <summary>The type that holds this one, or null for a root.</summary>
    public AbstractType? Parent => Item?.Parent as AbstractType;

    /// <summary>The type ref written to updates for this kind of type (yjs's <c>typeRefs</c>); -1 for a placeholder root.</summary>
    public virtual int TypeRef => -1;

    internal virtual void Integrate(Doc doc, Item? item)
    {
        Doc = doc;
        Item = item;
        Depth = item?.Parent is AbstractType parent ? parent.Depth + 1 : 0;
    }

    /// <summary>Takes over the content of a placeholder root, re-parenting its items.</summary>
    internal void AdoptFrom(AbstractType placeholder)
    {
        Doc = placeholder.Doc;
        Item = placeholder.Item;
        RootName = placeholder.RootName;
        Start = placeholder.Start;
        _map = placeholder._map;
        LengthInternal = placeholder.LengthInternal;
        // HasFormatting stays false, as in yjs's Doc.get: formats seen before adoption don't count.
        for (var n = Start; n is not null; n = n.Right) n.Parent = this;
        if (_map is not null)
            foreach (var item in _map.Values)
                for (var n = item; n is not null; n = n.Left) n.Parent = this;
    }

    internal virtual AbstractType CopyEmpty() => new AbstractType();

    internal virtual void WriteTypeRef(UpdateEncoderV1 encoder) => encoder.WriteTypeRef(TypeRef);

    /// <summary>Calls <paramref name="handler"/> after each transaction that changed this type (like yjs's <c>type.observe</c>). Handlers run synchronously on the thread that ended the transaction.</summary>
    public void Observe(Action<YEvent, Transaction> handler) => (_observers ??= []).Add(handler);
    /// <summary>Removes a handler added with <see cref="Observe"/>.</summary>
    public void Unobserve(Action<YEvent, Transaction> handler) => _observers?.Remove(handler);
    /// <summary>Calls <paramref name="handler"/> with the events of this type and every type nested in it, once per transaction (like yjs's <c>type.observeDeep</c>).</summary>
    public void ObserveDeep(Action<IReadOnlyList<YEvent>, Transaction> handler) => (_deepObservers ??= []).Add(handler);
    /// <summary>Removes a handler added with <see cref="ObserveDeep"/>.</summary>
    public void UnobserveDeep(Action<IReadOnlyList<YEvent>, Transaction> handler) => _deepObservers?.Remove(handler);
    internal bool HasDeepObservers => _deepObservers is { Count: > 0 };

    /// <summary>
    /// Whether an event of this type reaches anyone: its observers, or deep observers of it or of
    /// a type that holds it. Events of unobserved types are not built (a server applying updates
    /// observes nothing), which leaves what observers see unchanged.
    /// </summary>
    internal bool IsObserved
    {
        get
        {
            if (_observers is { Count: > 0 }) return true;
            for (var type = this; type is not null; type = type.Item?.Parent as AbstractType)
                if (type._deepObservers is { Count: > 0 }) return true;
            return false;
        }
    }

    internal virtual void CallObserver(Transaction transaction, HashSet<string?> parentSubs)
    {
        if (!transaction.Local) SearchMarkers?.Clear();
    }

    /// <summary>Queues the event for deep observers of every ancestor and calls direct observers.</summary>
    internal void CallTypeObservers(Transaction transaction, YEvent e)
    {
        var type = this;
        while (true)
        {
            if (!transaction.ChangedParentTypes.TryGetValue(type, out var events))
                transaction.ChangedParentTypes[type] = events = new List<YEvent>();
            events.Add(e);
            if (type.Item is null || type.Item.Parent is not AbstractType parent) break;
            type = parent;
        }
        if (_observers is null) return;
        foreach (var observer in _observers.ToArray()) observer(e, transaction);
    }

    internal void CallDeepObservers(IReadOnlyList<YEvent> events, Transaction transaction)
    {
        if (_deepObservers is null) return;
        foreach (var observer in _deepObservers.ToArray()) observer(events, transaction);
    }

    /// <summary>The first item that is not deleted.</summary>
    internal Item? First
    {
        get
        {
            var n = Start;
            while (n is { Deleted: true }) n = n.Right;
            return n;
        }
    }

    /// <summary>The content as JSON (like yjs's <c>type.toJSON</c>); null for a placeholder root.</summary>
    public virtual JsonNode? ToJson() => null;

    internal Doc RequireDoc() => Doc ?? throw new InvalidOperationException("Add this type to a document before changing it.");

    // ---- list operations (yjs AbstractType.js typeList*) ----

    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool FindMarker(int index, out Item marked, out int markedIndex)
    {
        marked = null!;
        markedIndex = 0;
        if (Start is null || index == 0 || SearchMarkers is not { } markers) return false;
        int slot = markers.Nearest(index);
        var p = Start;
        int pindex = 0;
        if (slot >= 0)
        {
            p = markers.P[slot];
            pindex = markers.Index[slot];
            markers.Refresh(slot);
        }
        while (p.Right is not null && pindex < index)
        {
            if (!p.Deleted && p.Countable)
            {
                if (index < pindex + p.Length) break;
                pindex += p.Length;
            }
            p = p.Right;
        }
        while (p.Left is not null && pindex > index)
        {
            p = p.Left;
            if (!p.Deleted && p.Countable) pindex -= p.Length;
        }
        // Markers sit on the first item of a run of the same client so merges keep them valid.
        while (p.Left is not null && p.Left.Id.Client == p.Id.Client && p.Left.Id.Clock + p.Left.Length == p.Id.Clock)
        {
            p = p.Left;
            if (!p.Deleted && p.Countable) pindex -= p.Length;
        }
        if (p.Deleted || !p.Countable) MarkersMayNeedMoving = true;
        if (slot >= 0 && Math.Abs(markers.Index[slot] - pindex) < (double)((AbstractType)p.Parent!).LengthInternal / ArraySearchMarkers.Max)
            markers.Overwrite(slot, p, pindex);
        else markers.Add(p, pindex);
        (marked, markedIndex) = (p, pindex);
        return true;
    }

    /// <summary>Updates the markers for an insert (<paramref name="len"/> &gt; 0) or a deletion at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void UpdateMarkerChanges(int index, int len)
    {
        var markers = SearchMarkers!;
        if (len > 0 && MarkersMayNeedMoving)
        {
            for (int i = markers.Count - 1; i >= 0; i--)
            {
                // A marker on a visible countable item stays where it is (yjs clears and sets its flag
                // again, and nothing can see the difference): only markers on deleted items move left.
                Item? p = markers.P[i];
                if (!p.Deleted && p.Countable) continue;
                p.Marker = false;
                while (p is not null && (p.Deleted || !p.Countable))
                {
                    p = p.Left;
                    if (p is not null && !p.Deleted && p.Countable) markers.Index[i] -= p.Length;
                }
                if (p is null || p.Marker)
                {
                    markers.RemoveAt(i);
                    continue;
                }
                markers.P[i] = p;
                p.Marker = true;
            }
            MarkersMayNeedMoving = false; // each marker now sits on a visible countable item
        }
        markers.Shift(index, len);
    }

    internal List<object?> ListToArray()
    {
        var result = new List<object?>();
        for (var n = Start; n is not null; n = n.Right)
            if (n.Countable && !n.Deleted) result.AddRange(n.Content.GetContent());
        return result;
    }

    internal object? ListGet(int index)
    {
                var n = Start;
        if (FindMarker(index, out var marked, out var markedIndex))
        {
            n = marked;
            index -= markedIndex;
        }
        for (; n is not null; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index < n.Length) return n.Content.GetContent()[index];
                index -= n.Length;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    internal void ListInsertGenericsAfter(Transaction transaction, Item? referenceItem, IReadOnlyList<object?> content)
    {
        var left = referenceItem;
        var doc = transaction.Doc;
        ulong ownClientId = doc.ClientId;
        var store = doc.Store;
        var right = referenceItem is null ? Start : referenceItem.Right;
        var jsonContent = new List<object?>();

        void PackJsonContent()
        {
            if (jsonContent.Count == 0) return;
            left = new Item(new ID(ownClientId, store.GetState(ownClientId)), left, left?.LastId, right, right?.Id, this, null,
                new Content.ContentAny(jsonContent));
            left.Integrate(transaction, 0);
            jsonContent = new List<object?>();
        }

        foreach (var c in content)
        {
            var itemContent = ContentFactory.ForNonJson(c);
            if (itemContent is null)
            {
                jsonContent.Add(ContentFactory.NormalizeJson(c));
                continue;
            }
            PackJsonContent();
            left = new Item(new ID(ownClientId, store.GetState(ownClientId)), left, left?.LastId, right, right?.Id, this, null, itemContent);
            left.Integrate(transaction, 0);
        }
        PackJsonContent();
    }

    internal void ListInsertGenerics(Transaction transaction, int index, IReadOnlyList<object?> content)
    {
        if (index > LengthInternal || index < 0) throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside 0..{LengthInternal}.");
        if (index == 0)
        {
            if (SearchMarkers is not null) UpdateMarkerChanges(index, content.Count);
            ListInsertGenericsAfter(transaction, null, content);
            return;
        }
        int startIndex = index;
                var n = Start;
        if (FindMarker(index, out var marked, out var markedIndex))
        {
            n = marked;
            index -= markedIndex;
            if (index == 0)
            {
                n = n.Prev; // the left undeleted item, so the index can decrease
                index += n is { Countable: true, Deleted: false } ? n.Length : 0;
            }
        }
        for (; n is not null; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index <= n.Length)
                {
                    if (index < n.Length) transaction.Doc.Store.GetItemCleanStart(transaction, new ID(n.Id.Client, n.Id.Clock + index));
                    break;
                }
                index -= n.Length;
            }
        }
        if (SearchMarkers is not null) UpdateMarkerChanges(startIndex, content.Count);
        ListInsertGenericsAfter(transaction, n, content);
    }

    internal void ListPushGenerics(Transaction transaction, IReadOnlyList<object?> content)
    {
        var n = Start;
        int maxIndex = 0;
        if (SearchMarkers is not null)
            for (int i = 0; i < SearchMarkers.Count; i++)
                if (SearchMarkers.Index[i] > maxIndex) { maxIndex = SearchMarkers.Index[i]; n = SearchMarkers.P[i]; }
        if (n is not null) while (n.Right is not null) n = n.Right;
        ListInsertGenericsAfter(transaction, n, content);
    }

    internal void ListDelete(Transaction transaction, int index, int length)
    {
        if (length == 0) return;
        if (index < 0 || length < 0 || index + length > LengthInternal)
            throw new ArgumentOutOfRangeException(nameof(length), $"Deleting {length} at {index} exceeds the length {LengthInternal}.");
        int startIndex = index, startLength = length;
                var n = Start;
        var store = transaction.Doc.Store;
        if (FindMarker(index, out var marked, out var markedIndex))
        {
            n = marked;
            index -= markedIndex;
        }
        for (; n is not null && index > 0; n = n.Right)
        {
            if (!n.Deleted && n.Countable)
            {
                if (index < n.Length) store.GetItemCleanStart(transaction, new ID(n.Id.Client, n.Id.Clock + index));
                index -= n.Length;
            }
        }
        while (length > 0 && n is not null)
        {
            if (!n.Deleted)
            {
                if (length < n.Length) store.GetItemCleanStart(transaction, new ID(n.Id.Client, n.Id.Clock + length));
                n.Delete(transaction);
                length -= n.Length;
            }
            n = n.Right;
        }
        if (SearchMarkers is not null) UpdateMarkerChanges(startIndex, -startLength + length);
    }

    // ---- map operations ----

    internal void MapDelete(Transaction transaction, string key)
    {
        if (_map is not null && _map.TryGetValue(key, out var c)) c.Delete(transaction);
    }

    internal void MapSet(Transaction transaction, string key, object? value)
    {
        var left = _map?.GetValueOrDefault(key);
        var doc = transaction.Doc;
        var content = ContentFactory.ForNonJson(value) ?? new Content.ContentAny([ContentFactory.NormalizeJson(value)]);
        new Item(new ID(doc.ClientId, doc.Store.GetState(doc.ClientId)), left, left?.LastId, null, null, this, key, content)
            .Integrate(transaction, 0);
    }

    internal object? MapGet(string key) =>
        _map is not null && _map.TryGetValue(key, out var item) && !item.Deleted ? LastValue(item) : null;

    // Content without values (a format mark a peer put under a key) reads as undefined in yjs.
    private static object? LastValue(Item item)
    {
        var content = item.Content.GetContent();
        return content.Count == 0 ? null : content[^1];
    }

    internal bool MapHas(string key) => _map is not null && _map.TryGetValue(key, out var item) && !item.Deleted;

    internal IEnumerable<KeyValuePair<string, object?>> MapEntries()
    {
        if (_map is null) yield break;
        foreach (var (key, item) in _map)
            if (!item.Deleted) yield return new(key, LastValue(item));
    }
}
