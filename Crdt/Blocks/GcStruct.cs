using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Blocks;

/// <summary>Deleted content whose parent is gone too: only its clock range is kept.</summary>
public sealed class GcStruct : AbstractStruct
{
    /// <summary>The struct ref of a GC run in the update format's info byte.</summary>
    public const byte StructRef = 0;

    /// <summary>A garbage-collected range of <paramref name="length"/> clocks starting at <paramref name="id"/>.</summary>
    /// <param name="id">Author and first clock.</param>
    /// <param name="length">Number of clocks covered.</param>
    public GcStruct(ID id, int length) : base(id, length) { }

    /// <inheritdoc/>
    public override bool Deleted => true;

    /// <inheritdoc/>
    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not GcStruct) return false;
        Length += right.Length;
        return true;
    }

    /// <inheritdoc/>
    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteInfo(StructRef);
        encoder.WriteLen(Length - offset);
    }

    /// <inheritdoc/>
    public override void Integrate(Transaction transaction, int offset)
    {
        if (offset > 0)
        {
            Id = new ID(Id.Client, Id.Clock + offset);
            Length -= offset;
        }
        transaction.Doc.Store.AddStruct(this);
    }
}
