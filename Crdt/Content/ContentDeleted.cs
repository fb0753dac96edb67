using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>Deleted content after garbage collection: only its length survives.</summary>
public sealed class ContentDeleted : IItemContent
{
    public const byte RefNumber = 1;
    private int _length;

    public ContentDeleted(int length) => _length = length;

    public int Length => _length;
    public bool Countable => false;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => [];
    public IItemContent Copy() => new ContentDeleted(_length);

    public IItemContent Splice(int offset)
    {
        var right = new ContentDeleted(_length - offset);
        _length = offset;
        return right;
    }

    public bool MergeWith(IItemContent right)
    {
        _length += right.Length;
        return true;
    }

    public void Integrate(Transaction transaction, Item item)
    {
        transaction.DeleteSet.Add(item.Id.Client, item.Id.Clock, _length);
        item.MarkDeleted();
    }

    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }
    public void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteLen(_length - offset);

    internal static ContentDeleted Read(UpdateDecoderV1 decoder) => new(decoder.ReadLen());
}
