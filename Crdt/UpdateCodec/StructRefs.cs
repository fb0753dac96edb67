using Collab.Crdt.Blocks;

namespace Collab.Crdt.UpdateCodec;

/// <summary>The decoded structs of one client in an update, and how far integration got.</summary>
internal sealed class StructRefs
{
    public List<AbstractStruct> Refs;
    public int I;

    // Noted while decoding, so the checks before integration (PendingBudget, NestingDepthCheck) and
    // the delete set's sizing need not walk every struct of a large update again: a loaded document
    // is one or a few clients that refer only to themselves and hold no nested types.

    /// <summary>Whether an item refers (origin, right origin, parent) to another client's clock.</summary>
    public bool RefersToOtherClients;
    /// <summary>Whether an item holds a shared type (<see cref="Content.ContentType"/>).</summary>
    public bool HoldsTypes;
    /// <summary>
    /// The clock ranges of the items that arrived deleted (<see cref="Content.ContentDeleted"/>): integrating
    /// them adds as many ranges to the transaction's delete set (consecutive ones extend a range).
    /// </summary>
    public int DeletedRanges;

    public StructRefs(List<AbstractStruct> refs) => Refs = refs;
}
