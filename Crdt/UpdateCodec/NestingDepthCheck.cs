using Collab.Crdt.Blocks;
using Collab.Crdt.Content;
using Collab.Crdt.Store;

namespace Collab.Crdt.UpdateCodec;

/// <summary>
/// Refuses an update that would nest shared types deeper than <see cref="Doc.MaxNestingDepth"/>,
/// before it touches the document. Every walk over a document's tree (JSON export, deletion,
/// garbage collection, observer paths) is then bounded by that depth, whatever a client sends.
/// </summary>
internal static class NestingDepthCheck
{
    // Holders not known yet (parked, garbage collected, or a cycle) count as a root: a chain
    // that waits for its parent is refused once it alone is too deep, and whatever arrives later
    // is checked again when it is integrated (Item.Integrate).
    private const int Unknown = 0, InProgress = int.MinValue;

    public static void Check(StructStore store, Dictionary<ulong, StructRefs> refs, int maxDepth)
    {
        Dictionary<Item, int>? holderDepths = null;
        foreach (var clientRefs in refs.Values)
        {
            if (!clientRefs.HoldsTypes) continue;
            foreach (var s in clientRefs.Refs)
            {
                if (s is not Item { Content: ContentType } item) continue;
                holderDepths ??= new Dictionary<Item, int>(ReferenceEqualityComparer.Instance);
                int depth = HolderDepth(store, refs, holderDepths, item) + 1;
                if (depth > maxDepth)
                    throw new CrdtFormatException($"Struct {item.Id} nests shared types {depth} deep; at most {maxDepth} levels are allowed.");
            }
        }
    }

    /// <summary>The depth of the type that will hold <paramref name="start"/>: iterative, so a long chain can't overflow the stack.</summary>
    private static int HolderDepth(StructStore store, Dictionary<ulong, StructRefs> refs, Dictionary<Item, int> memo, Item start)
    {
        var stack = new Stack<Item>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var item = stack.Peek();
            if (memo.TryGetValue(item, out var known) && known != InProgress) { stack.Pop(); continue; }
            memo[item] = InProgress;
            var (dependency, depth) = Resolve(store, refs, item);
            if (dependency is not null)
            {
                if (!memo.TryGetValue(dependency, out var dependencyDepth)) { stack.Push(dependency); continue; }
                // A dependency still in progress is a cycle: such structs never integrate.
                depth = dependencyDepth == InProgress ? Unknown
                    : item.Parent is ID ? dependencyDepth + 1 : dependencyDepth;
            }
            memo[item] = depth;
            stack.Pop();
        }
        return memo[start];
    }

    /// <summary>
    /// Either the holder's depth, when the store or the item itself says it, or the item of this
    /// update it depends on: its parent (whose holder depth + 1 is the answer) or its origin
    /// (whose holder is ours).
    /// </summary>
    private static (Item? Dependency, int Depth) Resolve(StructStore store, Dictionary<ulong, StructRefs> refs, Item item)
    {
        switch (item.Parent)
        {
            case string: return (null, 0);
            case ID parentId:
                if (FindInUpdate(refs, parentId) is { } inUpdate and not SkipStruct)
                    return inUpdate is Item { Content: ContentType } parentItem ? (parentItem, 0) : (null, Unknown);
                return FindInStore(store, parentId) is Item { Content: ContentType parentType } ? (null, parentType.Type.Depth) : (null, Unknown);
        }
        if ((item.Origin ?? item.RightOrigin) is not { } neighbour) return (null, Unknown);
        if (FindInUpdate(refs, neighbour) is { } neighbourInUpdate and not SkipStruct)
            return neighbourInUpdate is Item neighbourItem ? (neighbourItem, 0) : (null, Unknown);
        return FindInStore(store, neighbour) is Item { Parent: Types.AbstractType holder } ? (null, holder.Depth) : (null, Unknown);
    }

    private static AbstractStruct? FindInUpdate(Dictionary<ulong, StructRefs> refs, ID id)
    {
        if (!refs.TryGetValue(id.Client, out var clientRefs) || clientRefs.Refs.Count == 0) return null;
        var structs = clientRefs.Refs;
        var last = structs[^1];
        if (id.Clock < structs[0].Id.Clock || id.Clock >= last.Id.Clock + last.Length) return null;
        int lo = 0, hi = structs.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (structs[mid].Id.Clock <= id.Clock) lo = mid; else hi = mid - 1;
        }
        return structs[lo];
    }

    private static AbstractStruct? FindInStore(StructStore store, ID id) =>
        id.Clock < store.GetState(id.Client) ? store.Find(id) : null;
}
