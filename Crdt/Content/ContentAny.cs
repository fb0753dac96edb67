using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>JSON-like values in an array or map (one clock per element).</summary>
public sealed class ContentAny : IItemContent
{
    public const byte RefNumber = 8;
    public List<object?> Arr;

    public ContentAny(List<object?> arr) => Arr = arr;

    public int Length => Arr.Count;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => Arr;
    public IItemContent Copy() => new ContentAny(new List<object?>(Arr));

    public IItemContent Splice(int offset)
    {
        var right = new ContentAny(Arr.GetRange(offset, Arr.Count - offset));
        Arr.RemoveRange(offset, Arr.Count - offset);
        return right;
    }

    public bool MergeWith(IItemContent right)
    {
        Arr.AddRange(((ContentAny)right).Arr);
        return true;
    }

    public void Integrate(Transaction transaction, Item item) { }
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }

    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteLen(Arr.Count - offset);
        for (int i = offset; i < Arr.Count; i++) encoder.WriteAny(Arr[i]);
    }

    internal static ContentAny Read(UpdateDecoderV1 decoder)
    {
        int len = decoder.RestDecoder.ReadCount("value count");
        var arr = new List<object?>(len);
        for (int i = 0; i < len; i++) arr.Add(decoder.ReadAny());
        return new ContentAny(arr);
    }
}
