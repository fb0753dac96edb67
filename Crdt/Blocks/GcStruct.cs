using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Blocks;

/// <summary>Deleted content whose parent is gone too: only its clock range is kept.</summary>
public sealed class GcStruct : AbstractStruct
{
    public const byte StructRef = 0;

    public GcStruct(ID id, int length) : base(id, length) { }

    public override bool Deleted => true;

    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not GcStruct) return false;
        Length += right.Length;
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteInfo(StructRef);
        encoder.WriteLen(Length - offset);
    }

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
