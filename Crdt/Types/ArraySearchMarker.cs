using Collab.Crdt.Blocks;

namespace Collab.Crdt.Types;

/// <summary>
/// A remembered (item, index) pair in a list type, so index lookups start near the target
/// instead of at the first item. Kept for the 80 most recently used positions, as yjs does.
/// </summary>
public sealed class ArraySearchMarker
{
    private static long _globalTimestamp;
    public Item P;
    public int Index;
    public long Timestamp;

    public ArraySearchMarker(Item p, int index)
    {
        p.Marker = true;
        P = p;
        Index = index;
        Timestamp = _globalTimestamp++;
    }

    internal void Refresh() => Timestamp = _globalTimestamp++;

    internal void Overwrite(Item p, int index)
    {
        P.Marker = false;
        P = p;
        p.Marker = true;
        Index = index;
        Timestamp = _globalTimestamp++;
    }
}
