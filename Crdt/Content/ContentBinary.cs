using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>A byte array stored in a map or array.</summary>
public sealed class ContentBinary : IItemContent
{
    /// <summary>The content ref of binary content.</summary>
    public const byte RefNumber = 3;
    /// <summary>The bytes, shared, not copied: don't mutate them after inserting.</summary>
    public readonly byte[] Content;

    /// <summary>Wraps <paramref name="content"/> as one value of one clock (yjs's <c>ContentBinary</c>, a <c>Uint8Array</c> in JavaScript).</summary>
    public ContentBinary(byte[] content) => Content = content;

    /// <inheritdoc/>
    public int Length => 1;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => [Content];
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentBinary(Content);
    /// <inheritdoc/>
    public IItemContent Splice(int offset) => throw new InvalidOperationException("Binary content can't be split.");
    /// <inheritdoc/>
    public bool MergeWith(IItemContent right) => false;
    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) { }
    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }
    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteBuf(Content);

    internal static ContentBinary Read(UpdateDecoderV1 decoder) => new(decoder.ReadBuf());
}
