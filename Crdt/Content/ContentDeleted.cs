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
    // Most deleted items of a document are short (a character, a word): one instance per length
    // up to this serves them all, instead of an object per item.
    private const int SharedUpTo = 64;
    private static readonly ContentDeleted[] Shared = CreateShared();
    private int _length;
    private readonly bool _shared;

    /// <summary>Deleted content of <paramref name="length"/> clocks, whose values are no longer kept (yjs's <c>ContentDeleted</c>).</summary>
    public ContentDeleted(int length) => _length = length;

    private ContentDeleted(int length, bool shared) => (_length, _shared) = (length, shared);

    private static ContentDeleted[] CreateShared()
    {
        var shared = new ContentDeleted[SharedUpTo + 1];
        for (int i = 1; i <= SharedUpTo; i++) shared[i] = new ContentDeleted(i, shared: true);
        return shared;
    }

    /// <summary>
    /// Deleted content of <paramref name="length"/> clocks, shared with every item of that length
    /// when short. Shared content never changes: <see cref="Item.SpliceContent"/> and
    /// <see cref="Item.MergeContent"/> replace it instead of splicing or merging it.
    /// </summary>
    internal static ContentDeleted Of(int length) => (uint)length <= SharedUpTo && length > 0 ? Shared[length] : new ContentDeleted(length);

    /// <summary>Whether this instance is one of the shared ones, which must not change.</summary>
    internal bool IsShared => _shared;

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
        if (_shared) throw new InvalidOperationException("Shared deleted content does not change; use Item.SpliceContent.");
        var right = new ContentDeleted(_length - offset);
        _length = offset;
        return right;
    }

    /// <inheritdoc/>
    public bool MergeWith(IItemContent right)
    {
        if (_shared) throw new InvalidOperationException("Shared deleted content does not change; use Item.MergeContent.");
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

    internal static ContentDeleted Read(UpdateDecoderV1 decoder) => Of(decoder.ReadLen());
}
