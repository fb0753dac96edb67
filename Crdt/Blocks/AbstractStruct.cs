using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Blocks;

/// <summary>A run of consecutive clocks of one client: an <see cref="Item"/>, a GC range or a Skip.</summary>
public abstract class AbstractStruct
{
    public ID Id;
    public int Length;

    protected AbstractStruct(ID id, int length)
    {
        Id = id;
        Length = length;
    }

    public abstract bool Deleted { get; }

    /// <summary>Merges <paramref name="right"/> into this struct when both are adjacent and alike.</summary>
    public abstract bool MergeWith(AbstractStruct right);

    public abstract void Write(UpdateEncoderV1 encoder, int offset);

    public abstract void Integrate(Transaction transaction, int offset);
}
