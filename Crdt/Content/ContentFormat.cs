using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Content;

/// <summary>A formatting mark in text: from here on, <see cref="Key"/> is <see cref="Value"/> (null ends it).</summary>
public sealed class ContentFormat : IItemContent
{
    /// <summary>The content ref of a format mark.</summary>
    public const byte RefNumber = 6;
    /// <summary>The formatting attribute's name, e.g. <c>bold</c>.</summary>
    public readonly string Key;
    /// <summary>The attribute's value from here on; null ends the attribute.</summary>
    public readonly object? Value;

    /// <summary>A rich-text format mark (yjs's <c>ContentFormat</c>): sets <paramref name="key"/> to <paramref name="value"/> for the text that follows.</summary>
    public ContentFormat(string key, object? value)
    {
        Key = key;
        Value = value;
    }

    /// <inheritdoc/>
    public int Length => 1;
    /// <inheritdoc/>
    public bool Countable => false;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => [];
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentFormat(Key, Value);
    /// <inheritdoc/>
    public IItemContent Splice(int offset) => throw new InvalidOperationException("A format mark can't be split.");
    /// <inheritdoc/>
    public bool MergeWith(IItemContent right) => false;

    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item)
    {
        // Formatting invalidates search markers, which count only visible characters.
        var parent = (AbstractType)item.Parent!;
        parent.SearchMarkers = null;
        parent.HasFormatting = true;
    }

    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }

    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteKey(Key);
        encoder.WriteJson(Value);
    }

    internal static ContentFormat Read(UpdateDecoderV1 decoder) => new(decoder.ReadKey(), decoder.ReadJson());
}
