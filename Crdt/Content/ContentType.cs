using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Content;

/// <summary>A nested shared type (array, map, text or an XML type).</summary>
public sealed class ContentType : IItemContent
{
    /// <summary>The content ref of a nested shared type.</summary>
    public const byte RefNumber = 7;
    /// <summary>The nested shared type (array, map, text, XML).</summary>
    public readonly AbstractType Type;

    /// <summary>Embeds <paramref name="type"/> as one clock of its parent (yjs's <c>ContentType</c>).</summary>
    public ContentType(AbstractType type) => Type = type;

    /// <inheritdoc/>
    public int Length => 1;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public byte Ref => RefNumber;
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => [Type];
    /// <inheritdoc/>
    public IItemContent Copy() => new ContentType(Type.CopyEmpty());
    /// <inheritdoc/>
    public IItemContent Splice(int offset) => throw new InvalidOperationException("A type can't be split.");
    /// <inheritdoc/>
    public bool MergeWith(IItemContent right) => false;
    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) => Type.Integrate(transaction.Doc, item);

    /// <inheritdoc/>
    public void Delete(Transaction transaction)
    {
        for (var item = Type.Start; item is not null; item = item.Right)
        {
            if (!item.Deleted) item.Delete(transaction);
            else if (item.Id.Clock < transaction.Before.GetValueOrDefault(item.Id.Client))
                transaction.MergeStructs.Add(item); // gc'd later; merge it with its neighbours then
        }
        foreach (var item in Type.MapIfAny?.Values ?? Enumerable.Empty<Item>())
        {
            if (!item.Deleted) item.Delete(transaction);
            else if (item.Id.Clock < transaction.Before.GetValueOrDefault(item.Id.Client))
                transaction.MergeStructs.Add(item);
        }
        transaction.Changed.Remove(Type);
    }

    /// <inheritdoc/>
    public void Gc(StructStore store)
    {
        for (var item = Type.Start; item is not null; item = item.Right) item.Gc(store, true);
        Type.Start = null;
        if (Type.MapIfAny is not { } map) return;
        foreach (var head in map.Values)
            for (Item? item = head; item is not null; item = item.Left) item.Gc(store, true);
        map.Clear();
    }

    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset) => Type.WriteTypeRef(encoder);

    internal static ContentType Read(UpdateDecoderV1 decoder)
    {
        int typeRef = decoder.ReadTypeRef();
        AbstractType type = typeRef switch
        {
            YArray.TypeRefNumber => new YArray(),
            YMap.TypeRefNumber => new YMap(),
            YText.TypeRefNumber => new YText(),
            YXmlElement.TypeRefNumber => new YXmlElement(decoder.ReadKey()),
            YXmlFragment.TypeRefNumber => new YXmlFragment(),
            YXmlHook.TypeRefNumber => new YXmlHook(decoder.ReadKey()),
            YXmlText.TypeRefNumber => new YXmlText(),
            _ => throw new CrdtFormatException($"Unknown type ref {typeRef}."),
        };
        return new ContentType(type);
    }
}
