using Collab.Crdt.Encoding;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Blocks;

/// <summary>A gap in a merged or diffed update: clocks this update does not carry.</summary>
public sealed class SkipStruct : AbstractStruct
{
    /// <summary>The struct ref of a Skip in the update format's info byte.</summary>
    public const byte StructRef = 10;

    /// <summary>A gap of <paramref name="length"/> clocks starting at <paramref name="id"/>.</summary>
    /// <param name="id">Author and first missing clock.</param>
    /// <param name="length">Number of clocks missing.</param>
    public SkipStruct(ID id, int length) : base(id, length) { }

    /// <inheritdoc/>
    public override bool Deleted => true;

    /// <inheritdoc/>
    public override bool MergeWith(AbstractStruct right)
    {
        if (right is not SkipStruct) return false;
        Length += right.Length;
        return true;
    }

    /// <inheritdoc/>
    public override void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteInfo(StructRef);
        encoder.WriteLen(Length - offset);
    }

    /// <summary>Always throws: a Skip only exists inside merged or diffed updates, never in a document.</summary>
    public override void Integrate(Transaction transaction, int offset) =>
        throw new InvalidOperationException("A Skip is never integrated into a document.");
}
