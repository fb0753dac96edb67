using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>An embedded object in text (an image, a formula...), stored as JSON text.</summary>
public sealed class ContentEmbed : IItemContent
{
    public const byte RefNumber = 5;
    public readonly object? Embed;

    public ContentEmbed(object? embed) => Embed = embed;

    public int Length => 1;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => [Embed];
    public IItemContent Copy() => new ContentEmbed(Embed);
    public IItemContent Splice(int offset) => throw new InvalidOperationException("An embed can't be split.");
    public bool MergeWith(IItemContent right) => false;
    public void Integrate(Transaction transaction, Item item) { }
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }
    public void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteJson(Embed);

    internal static ContentEmbed Read(UpdateDecoderV1 decoder) => new(decoder.ReadJson());
}
