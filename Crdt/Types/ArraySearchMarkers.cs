using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Collab.Crdt.Blocks;

namespace Collab.Crdt.Types;

/// <summary>
/// Remembered (item, index) pairs of a list type, so index lookups start near the target
/// instead of at the first item: the <see cref="Max"/> most recently used positions, as yjs's
/// search markers. Kept as parallel arrays rather than one object per marker: every edit scans
/// all indices (for the nearest marker, then to shift those after the edit), which then reads a
/// few contiguous cache lines instead of up to 80 scattered objects. The arrays grow with use and
/// start empty, so a list type that is never indexed (most cells' outputs, and every list of a
/// document a server only applies updates to) keeps no slots.
/// </summary>
internal sealed class ArraySearchMarkers
{
    public const int Max = 80;
    private const int InitialCapacity = 4;
    private static long _globalTimestamp;

    /// <summary>The marked items; each has <see cref="Item.Marker"/> set.</summary>
    public Item[] P = [];
    /// <summary>The index of each marked item's first element in the list.</summary>
    public int[] Index = [];
    private long[] _timestamp = [];
    public int Count;

    // Nearest and Shift scan every marker on every edit: with the default tiered JIT they ran the
    // first edits of a fresh process in unoptimized code and were compiled three times (tier 0,
    // instrumented, optimized); compiled once, optimized, at first call instead.
    /// <summary>The slot of the marker nearest to <paramref name="index"/>, or -1 when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Nearest(int index)
    {
        var indices = Index.AsSpan(0, Count);
        if (indices.IsEmpty) return -1;
        // The smallest distance, eight markers at a time (no index comes near int.MaxValue: they are list positions).
        int min = int.MaxValue, i = 0;
        if (Vector256.IsHardwareAccelerated && indices.Length >= Vector256<int>.Count)
        {
            var target = Vector256.Create(index);
            var best = Vector256.Create(int.MaxValue);
            for (; i <= indices.Length - Vector256<int>.Count; i += Vector256<int>.Count)
                best = Vector256.Min(best, Vector256.Abs(Vector256.Create(indices[i..]) - target));
            for (int k = 0; k < Vector256<int>.Count; k++) min = Math.Min(min, best[k]);
        }
        for (; i < indices.Length; i++) min = Math.Min(min, Math.Abs(index - indices[i]));
        // On a tie the later marker wins, as in yjs's reduce: which marker is used can decide an insert's origin.
        for (int slot = indices.Length - 1; ; slot--)
            if (Math.Abs(index - indices[slot]) == min) return slot;
    }

    /// <summary>
    /// Moves the index of every marker after <paramref name="index"/> by <paramref name="len"/> (yjs's
    /// updateMarkerChanges after the markers were moved off deleted items): a marker at the index
    /// itself moves only for an insert, and none moves before <paramref name="index"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Shift(int index, int len)
    {
        var indices = Index.AsSpan(0, Count);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && indices.Length >= Vector256<int>.Count)
        {
            var at = Vector256.Create(index);
            var by = Vector256.Create(len);
            // For an insert a marker at the index moves too: compare with index - 1 instead.
            var after = Vector256.Create(len > 0 ? index - 1 : index);
            for (; i <= indices.Length - Vector256<int>.Count; i += Vector256<int>.Count)
            {
                var m = Vector256.Create(indices[i..]);
                var moved = Vector256.Max(at, m + by);
                Vector256.ConditionalSelect(Vector256.GreaterThan(m, after), moved, m).CopyTo(indices[i..]);
            }
        }
        for (; i < indices.Length; i++)
        {
            int m = indices[i];
            if (index < m || (len > 0 && index == m)) indices[i] = Math.Max(index, m + len);
        }
    }

    public void Refresh(int slot) => _timestamp[slot] = _globalTimestamp++;

    public void Overwrite(int slot, Item p, int index)
    {
        P[slot].Marker = false;
        P[slot] = p;
        p.Marker = true;
        Index[slot] = index;
        Refresh(slot);
    }

    /// <summary>Marks <paramref name="p"/> at <paramref name="index"/>, replacing the least recently used marker when all are taken.</summary>
    public void Add(Item p, int index)
    {
        if (Count >= Max)
        {
            int oldest = 0;
            for (int i = 1; i < Count; i++) if (_timestamp[i] < _timestamp[oldest]) oldest = i;
            Overwrite(oldest, p, index);
            return;
        }
        if (Count == P.Length)
        {
            int capacity = Math.Clamp(P.Length * 2, InitialCapacity, Max);
            Array.Resize(ref P, capacity);
            Array.Resize(ref Index, capacity);
            Array.Resize(ref _timestamp, capacity);
        }
        p.Marker = true;
        P[Count] = p;
        Index[Count] = index;
        Refresh(Count);
        Count++;
    }

    public void RemoveAt(int slot)
    {
        int after = Count - slot - 1;
        Array.Copy(P, slot + 1, P, slot, after);
        Array.Copy(Index, slot + 1, Index, slot, after);
        Array.Copy(_timestamp, slot + 1, _timestamp, slot, after);
        Count--;
        P[Count] = null!;
    }

    /// <summary>Forgets all markers (their items keep the flag, as in yjs, where clearing the array leaves it too).</summary>
    public void Clear()
    {
        Array.Clear(P, 0, Count);
        Count = 0;
    }
}
