using System.Runtime.CompilerServices;
using Collab.Crdt.Blocks;
using Collab.Crdt.Content;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Types;

/// <summary>
/// The formatting rules of Y.Text: format marks are paired items (start value, then the value
/// that ends it), inserted, minimised and cleaned up exactly as yjs does so that both produce
/// the same items.
/// </summary>
internal static class TextFormatting
{
    /// <summary>JavaScript's <c>===</c> on stored values.</summary>
    public static bool StrictEquals(object? a, object? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is string sa) return b is string sb && sa == sb;
        if (a is bool ba) return b is bool bb && ba == bb;
        if (JsNumber.TryGet(a, out var da)) return JsNumber.TryGet(b, out var db) && da == db;
        return ReferenceEquals(a, b);
    }

    /// <summary>yjs's <c>equalAttrs</c>: strict equality, or equal flat objects.</summary>
    public static bool EqualAttrs(object? a, object? b)
    {
        if (StrictEquals(a, b)) return true;
        if (a is IDictionary<string, object?> da && b is IDictionary<string, object?> db)
        {
            if (da.Count != db.Count) return false;
            foreach (var (k, v) in da)
                if (!db.TryGetValue(k, out var bv) || !StrictEquals(v, bv)) return false;
            return true;
        }
        return false;
    }

    public static void UpdateCurrentAttributes(OrderedDictionary<string, object?> current, ContentFormat format)
    {
        if (format.Value is null) current.Remove(format.Key);
        else current[format.Key] = format.Value;
    }

    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ItemTextListPosition FindNextPosition(Transaction transaction, ItemTextListPosition pos, int count)
    {
        while (pos.Right is not null && count > 0)
        {
            var right = pos.Right;
            if (right.Content is ContentFormat format)
            {
                if (!right.Deleted) UpdateCurrentAttributes(pos.CurrentAttributes, format);
            }
            else if (!right.Deleted)
            {
                if (count < right.Length)
                    transaction.Doc.Store.GetItemCleanStart(transaction, new ID(right.Id.Client, right.Id.Clock + count));
                pos.Index += right.Length;
                count -= right.Length;
            }
            pos.Left = right;
            pos.Right = right.Right;
        }
        return pos;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ItemTextListPosition FindPosition(Transaction transaction, AbstractType parent, int index, bool useSearchMarker)
    {
        if (useSearchMarker && parent.FindMarker(index, out var marked, out var markedIndex))
            return FindNextPosition(transaction, new ItemTextListPosition(marked.Left, marked, markedIndex), index - markedIndex);
        return FindNextPosition(transaction, new ItemTextListPosition(null, parent.Start, 0), index);
    }

    private static Item NewItem(Transaction transaction, AbstractType parent, ItemTextListPosition pos, IItemContent content)
    {
        var doc = transaction.Doc;
        var left = pos.Left;
        var right = pos.Right;
        return new Item(new ID(doc.ClientId, doc.Store.GetState(doc.ClientId)), left, left?.LastId, right, right?.Id, parent, null, content);
    }

    public static void InsertNegatedAttributes(Transaction transaction, AbstractType parent, ItemTextListPosition currPos, OrderedDictionary<string, object?> negated)
    {
        while (currPos.Right is { } right && (right.Deleted
            || (right.Content is ContentFormat f && negated.TryGetValue(f.Key, out var nv) && EqualAttrs(nv, f.Value))))
        {
            if (!right.Deleted) negated.Remove(((ContentFormat)right.Content).Key);
            currPos.Forward();
        }
        foreach (var (key, val) in negated)
        {
            var nextFormat = NewItem(transaction, parent, currPos, new ContentFormat(key, val));
            nextFormat.Integrate(transaction, 0);
            currPos.Right = nextFormat;
            currPos.Forward();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MinimizeAttributeChanges(ItemTextListPosition currPos, IReadOnlyDictionary<string, object?>? attributes)
    {
        while (currPos.Right is { } right)
        {
            if (right.Deleted || (right.Content is ContentFormat f && EqualAttrs(attributes?.GetValueOrDefault(f.Key), f.Value)))
                currPos.Forward();
            else break;
        }
    }

    public static OrderedDictionary<string, object?> InsertAttributes(Transaction transaction, AbstractType parent, ItemTextListPosition currPos, OrderedDictionary<string, object?> attributes)
    {
        var negated = new OrderedDictionary<string, object?>();
        foreach (var key in JsObjectKeys.Order(attributes.Keys.ToList()))
        {
            var val = attributes[key];
            var currentVal = currPos.CurrentAttributes.GetValueOrDefault(key);
            if (EqualAttrs(currentVal, val)) continue;
            negated[key] = currentVal;
            currPos.Right = NewItem(transaction, parent, currPos, new ContentFormat(key, val));
            currPos.Right.Integrate(transaction, 0);
            currPos.Forward();
        }
        return negated;
    }

    /// <summary>Inserts with exactly <paramref name="attributes"/> (null: none), negating the formatting in effect where it differs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InsertText(Transaction transaction, AbstractType parent, ItemTextListPosition currPos, object text, OrderedDictionary<string, object?>? attributes)
    {
        if (currPos.Attributes is { Count: > 0 } current) attributes = EndingCurrentAttributes(current, attributes);
        MinimizeAttributeChanges(currPos, attributes);
        // Without attributes nothing is inserted or negated; the position after the text isn't used then.
        var negated = attributes is { Count: > 0 } ? InsertAttributes(transaction, parent, currPos, attributes) : null;
        IItemContent content = text switch
        {
            string s => new ContentString(s),
            AbstractType t => new ContentType(t),
            _ => new ContentEmbed(Content.ContentFactory.NormalizeJson(text)),
        };
        int index = currPos.Index;
        if (parent.SearchMarkers is not null) parent.UpdateMarkerChanges(currPos.Index, content.Length);
        var right = NewItem(transaction, parent, currPos, content);
        right.Integrate(transaction, 0);
        currPos.Right = right;
        currPos.Index = index;
        if (negated is null) return;
        currPos.Forward();
        InsertNegatedAttributes(transaction, parent, currPos, negated);
    }

    // Apart from InsertText, so that plain text's first insert in a fresh process doesn't compile it.
    /// <summary><paramref name="attributes"/> with every attribute in effect that it doesn't set, set to null (ended).</summary>
    private static OrderedDictionary<string, object?> EndingCurrentAttributes(OrderedDictionary<string, object?> current, OrderedDictionary<string, object?>? attributes)
    {
        attributes ??= new();
        foreach (var key in current.Keys)
            if (!attributes.ContainsKey(key)) attributes[key] = null;
        return attributes;
    }

    public static void FormatText(Transaction transaction, AbstractType parent, ItemTextListPosition currPos, int length, OrderedDictionary<string, object?> attributes)
    {
        MinimizeAttributeChanges(currPos, attributes);
        var negated = InsertAttributes(transaction, parent, currPos, attributes);
        while (currPos.Right is { } right && (length > 0 || (negated.Count > 0 && (right.Deleted || right.Content is ContentFormat))))
        {
            if (!right.Deleted)
            {
                if (right.Content is ContentFormat f)
                {
                    if (attributes.TryGetValue(f.Key, out var attr))
                    {
                        if (EqualAttrs(attr, f.Value)) negated.Remove(f.Key);
                        else
                        {
                            if (length == 0) break;
                            negated[f.Key] = f.Value;
                        }
                        right.Delete(transaction);
                    }
                    else currPos.CurrentAttributes[f.Key] = f.Value;
                }
                else
                {
                    if (length < right.Length)
                        transaction.Doc.Store.GetItemCleanStart(transaction, new ID(right.Id.Client, right.Id.Clock + length));
                    length -= right.Length;
                }
            }
            currPos.Forward();
        }
        if (length > 0)
        {
            // Formatting past the end pads the text with newlines, as Quill deltas expect.
            currPos.Right = NewItem(transaction, parent, currPos, new ContentString(new string('\n', length)));
            currPos.Right.Integrate(transaction, 0);
            currPos.Forward();
        }
        InsertNegatedAttributes(transaction, parent, currPos, negated);
    }

    public static int CleanupFormattingGap(Transaction transaction, Item start, Item? curr, OrderedDictionary<string, object?> startAttributes, OrderedDictionary<string, object?> currAttributes) =>
        CleanupFormattingGap(transaction, start, curr, startAttributes, ref currAttributes!);

    /// <summary>As above; <paramref name="currAttributes"/> is created only when a format mark is met (plain text has none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CleanupFormattingGap(Transaction transaction, Item start, Item? curr, OrderedDictionary<string, object?>? startAttributes, ref OrderedDictionary<string, object?>? currAttributes)
    {
        Item? end = start;
        Dictionary<string, ContentFormat>? endFormats = null;
        while (end is not null && (!end.Countable || end.Deleted))
        {
            if (!end.Deleted && end.Content is ContentFormat cf) (endFormats ??= new())[cf.Key] = cf;
            end = end.Right;
        }
        // The gap holds no format mark (plain text): the loop below, over the same items, would find
        // nothing to clean. Apart, so that a fresh process compiles it only for formatted text.
        return endFormats is null ? 0 : CleanupFormatMarks(transaction, start, end, curr, startAttributes, ref currAttributes, endFormats);
    }

    private static int CleanupFormatMarks(Transaction transaction, Item start, Item? end, Item? curr, OrderedDictionary<string, object?>? startAttributes,
        ref OrderedDictionary<string, object?>? currAttributes, Dictionary<string, ContentFormat> endFormats)
    {
        int cleanups = 0;
        bool reachedCurr = false;
        Item? s = start;
        while (s != end)
        {
            if (curr == s) reachedCurr = true;
            if (!s!.Deleted && s.Content is ContentFormat content)
            {
                var (key, value) = (content.Key, content.Value);
                var startAttrValue = startAttributes?.GetValueOrDefault(key);
                currAttributes ??= new();
                if (endFormats.GetValueOrDefault(key) != content || StrictEquals(startAttrValue, value))
                {
                    s.Delete(transaction);
                    cleanups++;
                    if (!reachedCurr && StrictEquals(currAttributes.GetValueOrDefault(key), value) && !StrictEquals(startAttrValue, value))
                    {
                        if (startAttrValue is null) currAttributes.Remove(key);
                        else currAttributes[key] = startAttrValue;
                    }
                }
                if (!reachedCurr && !s.Deleted) UpdateCurrentAttributes(currAttributes, content);
            }
            s = s.Right;
        }
        return cleanups;
    }

    private static void CleanupContextlessFormattingGap(Transaction transaction, Item? item)
    {
        while (item?.Right is { } r && (r.Deleted || !r.Countable)) item = r;
        var attrs = new HashSet<string>();
        while (item is not null && (item.Deleted || !item.Countable))
        {
            if (!item.Deleted && item.Content is ContentFormat f)
            {
                if (!attrs.Add(f.Key)) item.Delete(transaction);
            }
            item = item.Left;
        }
    }

    public static int CleanupYTextFormatting(AbstractType type)
    {
        int res = 0;
        type.RequireDoc().Transact(transaction =>
        {
            var start = type.Start!;
            var end = type.Start;
            var startAttributes = new OrderedDictionary<string, object?>();
            var currentAttributes = new OrderedDictionary<string, object?>(startAttributes);
            while (end is not null)
            {
                if (!end.Deleted)
                {
                    if (end.Content is ContentFormat f) UpdateCurrentAttributes(currentAttributes, f);
                    else
                    {
                        res += CleanupFormattingGap(transaction, start, end, startAttributes, currentAttributes);
                        startAttributes = new OrderedDictionary<string, object?>(currentAttributes);
                        start = end;
                    }
                }
                end = end.Right;
            }
        });
        return res;
    }

    public static void CleanupAfterTransaction(Transaction transaction)
    {
        var needFullCleanup = new List<AbstractType>();
        var seen = new HashSet<AbstractType>(ReferenceEqualityComparer.Instance);
        var doc = transaction.Doc;
        foreach (var (client, afterClock) in transaction.After)
        {
            int clock = transaction.Before.GetValueOrDefault(client);
            if (afterClock == clock) continue;
            // yjs passes the after-clock as the length here; kept for identical splits.
            StructStore.IterateStructs(transaction, doc.Store.Clients[client], clock, afterClock, s =>
            {
                if (s is Item { Deleted: false, Content: ContentFormat, Parent: AbstractType p } && seen.Add(p)) needFullCleanup.Add(p);
            });
        }
        doc.Transact(t =>
        {
            foreach (var (client, items) in transaction.DeleteSet.Clients)
            {
                var structs = doc.Store.Clients[client];
                foreach (var di in items)
                {
                    StructStore.IterateStructs(transaction, structs, di.Clock, di.Len, s =>
                    {
                        if (s is not Item item || item.Parent is not AbstractType { HasFormatting: true } parent || seen.Contains(parent)) return;
                        if (item.Content is ContentFormat) { if (seen.Add(parent)) needFullCleanup.Add(parent); }
                        else CleanupContextlessFormattingGap(t, item);
                    });
                }
            }
            foreach (var yText in needFullCleanup) CleanupYTextFormatting(yText);
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ItemTextListPosition DeleteText(Transaction transaction, ItemTextListPosition currPos, int length)
    {
        int startLength = length;
        var startAttrs = currPos.Attributes is { Count: > 0 } current ? new OrderedDictionary<string, object?>(current) : null;
        var start = currPos.Right;
        while (length > 0 && currPos.Right is { } right)
        {
            if (!right.Deleted && right.Content is ContentType or ContentEmbed or ContentString)
            {
                if (length < right.Length)
                    transaction.Doc.Store.GetItemCleanStart(transaction, new ID(right.Id.Client, right.Id.Clock + length));
                length -= right.Length;
                right.Delete(transaction);
            }
            currPos.Forward();
        }
        if (start is not null) CleanupFormattingGap(transaction, start, currPos.Right, startAttrs, ref currPos.Attributes);
        var parent = (AbstractType)(currPos.Left ?? currPos.Right)!.Parent!;
        if (parent.SearchMarkers is not null) parent.UpdateMarkerChanges(currPos.Index, -startLength + length);
        return currPos;
    }
}
