using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Content;

/// <summary>A formatting mark in text: from here on, <see cref="Key"/> is <see cref="Value"/> (null ends it).</summary>
public sealed class ContentFormat : IItemContent
{
    public const byte RefNumber = 6;
    public readonly string Key;
    public readonly object? Value;

    public ContentFormat(string key, object? value)
    {
        Key = key;
        Value = value;
    }

    public int Length => 1;
    public bool Countable => false;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => [];
    public IItemContent Copy() => new ContentFormat(Key, Value);
    public IItemContent Splice(int offset) => throw new InvalidOperationException("A format mark can't be split.");
    public bool MergeWith(IItemContent right) => false;

    public void Integrate(Transaction transaction, Item item)
    {
        // Formatting invalidates search markers, which count only visible characters.
        var parent = (AbstractType)item.Parent!;
        parent.SearchMarkers = null;
        parent.HasFormatting = true;
    }

    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }

    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteKey(Key);
        encoder.WriteJson(Value);
    }

    internal static ContentFormat Read(UpdateDecoderV1 decoder) => new(decoder.ReadKey(), decoder.ReadJson());
}
