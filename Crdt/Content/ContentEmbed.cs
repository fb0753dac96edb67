using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>An embedded object in text (an image, a formula...), stored as JSON text.</summary>
public sealed class ContentEmbed : IItemContent
{
    /// <summary>The content ref of an embed.</summary>
    public const byte RefNumber = 5;
    /// <summary>The embedded JSON-like value.</summary>
    public readonly object? Embed;

    /// <summary>An embed in rich text (yjs's <c>Y.Text.insertEmbed</c>): one clock holding <paramref name="embed"/>.</summary>
    public ContentEmbed(object? embed) => Embed = embed;

    /// <inheritdoc/>
    public int Length => 1;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => [Embed];
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentEmbed(Embed);
    /// <inheritdoc/>
    public IItemContent Splice(int offset) => throw new InvalidOperationException("An embed can't be split.");
    /// <inheritdoc/>
    public bool MergeWith(IItemContent right) => false;
    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) { }
    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }
    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset) => encoder.WriteJson(Embed);

    internal static ContentEmbed Read(UpdateDecoderV1 decoder) => new(decoder.ReadJson());
}
