using System.Runtime.CompilerServices;
using Collab.Crdt.Blocks;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Store;

/// <summary>All structs of a document, per client, sorted by clock with no gaps.</summary>
public sealed class StructStore
{
    /// <summary>Each client's structs in clock order, without gaps.</summary>
    public readonly Dictionary<ulong, List<AbstractStruct>> Clients = new();

    /// <summary>Structs received before their dependencies, kept as an encoded update.</summary>
    internal PendingStructs? PendingStructs;
    /// <summary>Deletions of clocks not yet received, sorted and merged.</summary>
    internal DeleteSet? PendingDs;
    /// <summary>
    /// The state vector as of the last struct added, shared read-only by the transactions that
    /// start and end at that state (one's after-state is the next one's before-state), so a
    /// transaction allocates at most one state vector, and none when it only deletes.
    /// </summary>
    private Dictionary<ulong, int>? _sharedStateVector;

    /// <summary>The next clock expected from <paramref name="client"/>: how many of its clocks the document has (0 when none).</summary>
    public int GetState(ulong client)
    {
        if (!Clients.TryGetValue(client, out var structs) || structs.Count == 0) return 0;
        var last = structs[^1];
        return last.Id.Clock + last.Length;
    }

    /// <summary>A new state vector: each known client's next clock (yjs's <c>getStateVector</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Dictionary<ulong, int> GetStateVector()
    {
        var sv = new Dictionary<ulong, int>(Clients.Count);
        foreach (var (client, structs) in Clients)
        {
            var last = structs[^1];
            sv[client] = last.Id.Clock + last.Length;
        }
        return sv;
    }

    /// <summary>The current state vector; the same instance until a struct is added. Callers must not change it.</summary>
    internal Dictionary<ulong, int> SharedStateVector() => _sharedStateVector ??= GetStateVector();

    // Sizes for the lists of clients an update brings the document's first structs of; a list is
    // created by its first struct (an empty one would break GetState and the writers).
    private Dictionary<ulong, int>? _reserved;

    /// <summary>
    /// Makes room for <paramref name="count"/> more structs of <paramref name="client"/>, so a
    /// large update's structs don't regrow (and copy) the list; <see cref="EndReservations"/> drops
    /// what was not used.
    /// </summary>
    internal void ReserveStructs(ulong client, int count)
    {
        if (Clients.TryGetValue(client, out var structs)) structs.EnsureCapacity(structs.Count + count);
        else (_reserved ??= [])[client] = count;
    }

    internal void EndReservations() => _reserved = null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddStruct(AbstractStruct s)
    {
        _sharedStateVector = null;
        if (!Clients.TryGetValue(s.Id.Client, out var structs))
        {
            structs = _reserved is not null && _reserved.Remove(s.Id.Client, out var reserved)
                ? new List<AbstractStruct>(reserved) : new List<AbstractStruct>();
            Clients[s.Id.Client] = structs;
        }
        else
        {
            var last = structs[^1];
            if (last.Id.Clock + last.Length != s.Id.Clock)
                throw new InvalidOperationException("Structs must be added without gaps.");
        }
        structs.Add(s);
    }

    /// <summary>Index of the struct holding <paramref name="clock"/> (binary search with a pivot guess; yjs's <c>findIndexSS</c>).</summary>
    /// <exception cref="InvalidOperationException">No struct holds the clock.</exception>
    // Hot on every edit: compiled optimized at first call, not after a slow quick-jitted phase
    // (a fresh process otherwise spends the first second or so in unoptimized code).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FindIndex(List<AbstractStruct> structs, int clock)
    {
        int left = 0, right = structs.Count - 1;
        var mid = structs[right];
        int midClock = mid.Id.Clock;
        // The last struct answers most lookups of an edit or a load (origins point at what was
        // just added): a range check instead of yjs's equality skips the search for them.
        if ((uint)(clock - midClock) < (uint)mid.Length) return right;
        int midIndex = (int)((long)clock * right / Math.Max(1, midClock + mid.Length - 1));
        if (midIndex > right || midIndex < 0) midIndex = right;
        while (left <= right)
        {
            mid = structs[midIndex];
            midClock = mid.Id.Clock;
            if (midClock <= clock)
            {
                if (clock < midClock + mid.Length) return midIndex;
                left = midIndex + 1;
            }
            else right = midIndex - 1;
            midIndex = (left + right) / 2;
        }
        return ThrowClockNotFound(clock);
    }

    // The message's formatting apart from FindIndex, which a fresh process compiles with its first edit.
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static int ThrowClockNotFound(int clock) => throw new InvalidOperationException($"Clock {clock} is not in the store.");

    private const int NearbyProbes = 4;

    /// <summary>
    /// <see cref="FindIndex"/> that first looks at <paramref name="hint"/> and the few structs after or
    /// before it. Lookups come in runs that land close together (a delete set's ranges in clock
    /// order; a load's origins, many of them the same as the item before's): a probe of the
    /// neighbours, whose clocks are in cache, replaces a binary search's misses on the way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FindIndexNear(List<AbstractStruct> structs, int clock, int hint)
    {
        int count = structs.Count;
        if ((uint)hint >= (uint)count) return FindIndex(structs, clock);
        var s = structs[hint];
        int start = s.Id.Clock;
        // The structs have no gaps, so going right the first that ends after the clock holds it,
        // and going left the first that starts at or before it.
        if (clock >= start)
        {
            for (int i = hint, end = Math.Min(count, hint + NearbyProbes + 1); i < end; i++)
            {
                s = structs[i];
                if (clock < s.Id.Clock + s.Length) return i;
            }
        }
        else
        {
            for (int i = hint - 1, end = Math.Max(-1, hint - NearbyProbes - 1); i > end; i--)
            {
                if (structs[i].Id.Clock <= clock) return i;
            }
        }
        return FindIndex(structs, clock);
    }

    /// <summary>The struct that holds <paramref name="id"/>, which must be in the store (yjs's <c>find</c>).</summary>
    public AbstractStruct Find(ID id)
    {
        var structs = Clients[id.Client];
        return structs[FindIndex(structs, id.Clock)];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FindIndexCleanStart(Transaction transaction, List<AbstractStruct> structs, int clock)
    {
        int index = FindIndex(structs, clock);
        var s = structs[index];
        if (s.Id.Clock < clock && s is Item item)
        {
            structs.Insert(index + 1, Item.Split(transaction, item, clock - item.Id.Clock));
            return index + 1;
        }
        return index;
    }

    // Where the last GetItemCleanStart / GetItemCleanEnd found its struct (FindIndexNear): while a
    // load integrates typed text, consecutive items share right origins and have origins nearby.
    private int _cleanStartHint, _cleanEndHint;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal AbstractStruct GetItemCleanStart(Transaction transaction, ID id)
    {
        var structs = Clients[id.Client];
        int index = FindIndexNear(structs, id.Clock, _cleanStartHint);
        var s = structs[index];
        if (s.Id.Clock < id.Clock && s is Item item)
        {
            s = Item.Split(transaction, item, id.Clock - item.Id.Clock);
            structs.Insert(++index, s);
        }
        _cleanStartHint = index;
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal AbstractStruct GetItemCleanEnd(Transaction transaction, ID id)
    {
        var structs = Clients[id.Client];
        int index = FindIndexNear(structs, id.Clock, _cleanEndHint);
        _cleanEndHint = index;
        var s = structs[index];
        if (id.Clock != s.Id.Clock + s.Length - 1 && s is Item item)
            structs.Insert(index + 1, Item.Split(transaction, item, id.Clock - item.Id.Clock + 1));
        return s;
    }

    internal void ReplaceStruct(AbstractStruct old, AbstractStruct replacement)
    {
        var structs = Clients[old.Id.Client];
        structs[FindIndex(structs, old.Id.Clock)] = replacement;
    }

    /// <summary>Calls <paramref name="f"/> on every struct in [clockStart, clockStart+len), splitting at the edges.</summary>
    internal static void IterateStructs(Transaction transaction, List<AbstractStruct> structs, int clockStart, int len, Action<AbstractStruct> f)
    {
        if (len == 0) return;
        int clockEnd = clockStart + len;
        int index = FindIndexCleanStart(transaction, structs, clockStart);
        AbstractStruct s;
        do
        {
            s = structs[index++];
            if (clockEnd < s.Id.Clock + s.Length) FindIndexCleanStart(transaction, structs, clockEnd);
            f(s);
        } while (index < structs.Count && structs[index].Id.Clock < clockEnd);
    }
}
