using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>A byte array stored in a map or array.</summary>
public sealed class ContentBinary : IItemContent
{
    public const byte RefNumber = 3;
    public readonly byte[] Content;

    public ContentBinary(byte[] content) => Content = content;

    public int Length => 1;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => [Content];
    public IItemContent Copy() => new ContentBinary(Content);
    public IItemContent Splice(int offset) => throw new InvalidOperationException("Binary content can't be split.");
    public bool MergeWith(IItemContent right) => false;
    public void Integrate(Transaction transaction, Item item) { }
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }
    public void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteBuf(Content);

    internal static ContentBinary Read(UpdateDecoderV1 decoder) => new(decoder.ReadBuf());
}
