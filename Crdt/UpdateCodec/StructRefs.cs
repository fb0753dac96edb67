using Collab.Crdt.Blocks;

namespace Collab.Crdt.UpdateCodec;

/// <summary>The decoded structs of one client in an update, and how far integration got.</summary>
internal sealed class StructRefs
{
    public List<AbstractStruct> Refs;
    public int I;

    public StructRefs(List<AbstractStruct> refs) => Refs = refs;
}
