using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Blocks;

/// <summary>A gap in a merged or diffed update: clocks this update does not carry.</summary>
public sealed class SkipStruct : AbstractStruct
{
    public const byte StructRef = 10;

    public SkipStruct(ID id, int length) : base(id, length) { }

    public override bool Deleted => true;

    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not SkipStruct) return false;
        Length += right.Length;
        return true;
    }

    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteInfo(StructRef);
        encoder.WriteLen(Length - offset);
    }

    public override void Integrate(Transaction transaction, int offset) =>
        throw new InvalidOperationException("A Skip is never integrated into a document.");
}
