using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>Deleted content after garbage collection: only its length survives.</summary>
public sealed class ContentDeleted : IItemContent
{
    /// <summary>The content ref of deleted content.</summary>
    public const byte RefNumber = 1;
    private int _length;

    /// <summary>Deleted content of <paramref name="length"/> clocks, whose values are no longer kept (yjs's <c>ContentDeleted</c>).</summary>
    public ContentDeleted(int length) => _length = length;

    /// <inheritdoc/>
    public int Length => _length;
    /// <inheritdoc/>
    public bool Countable => false;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => [];
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentDeleted(_length);

    /// <inheritdoc/>
    public IItemContent Splice(int offset)
    {
        var right = new ContentDeleted(_length - offset);
        _length = offset;
        return right;
    }

    /// <inheritdoc/>
    public bool MergeWith(IItemContent right)
    {
        _length += right.Length;
        return true;
    }

    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item)
    {
        transaction.DeleteSet.Add(item.Id.Client, item.Id.Clock, _length);
        item.MarkDeleted();
    }

    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }
    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteLen(_length - offset);

    internal static ContentDeleted Read(UpdateDecoderV1 decoder) => new(decoder.ReadLen());
}
