using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Content;

/// <summary>A nested shared type (array, map, text or an XML type).</summary>
public sealed class ContentType : IItemContent
{
    public const byte RefNumber = 7;
    public readonly AbstractType Type;

    public ContentType(AbstractType type) => Type = type;

    public int Length => 1;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => [Type];
    public IItemContent Copy() => new ContentType(Type.CopyEmpty());
    public IItemContent Splice(int offset) => throw new InvalidOperationException("A type can't be split.");
    public bool MergeWith(IItemContent right) => false;
    public void Integrate(Transaction transaction, Item item) => Type.Integrate(transaction.Doc, item);

    public void Delete(Transaction transaction)
    {
        for (var item = Type.Start; item is not null; item = item.Right)
        {
            if (!item.Deleted) item.Delete(transaction);
            else if (item.Id.Clock < transaction.Before.GetValueOrDefault(item.Id.Client))
                transaction.MergeStructs.Add(item); // gc'd later; merge it with its neighbours then
        }
        foreach (var item in Type.Map.Values)
        {
            if (!item.Deleted) item.Delete(transaction);
            else if (item.Id.Clock < transaction.Before.GetValueOrDefault(item.Id.Client))
                transaction.MergeStructs.Add(item);
        }
        transaction.Changed.Remove(Type);
    }

    public void Gc(StructStore store)
    {
        for (var item = Type.Start; item is not null; item = item.Right) item.Gc(store, true);
        Type.Start = null;
        foreach (var head in Type.Map.Values)
            for (Item? item = head; item is not null; item = item.Left) item.Gc(store, true);
        Type.Map.Clear();
    }

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
