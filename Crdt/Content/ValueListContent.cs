using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>A run of values, one clock each, that splits and merges like a list (Any and legacy JSON content).</summary>
public abstract class ValueListContent : IItemContent
{
    public List<object?> Arr;

    protected ValueListContent(List<object?> arr) => Arr = arr;

    public int Length => Arr.Count;
    public bool Countable => true;
    public abstract byte Ref { get; }
    public IReadOnlyList<object?> GetContent() => Arr;
    public IItemContent Copy() => With(new List<object?>(Arr));

    public IItemContent Splice(int offset)
    {
        var right = With(Arr.GetRange(offset, Arr.Count - offset));
        Arr.RemoveRange(offset, Arr.Count - offset);
        return right;
    }

    public bool MergeWith(IItemContent right)
    {
        Arr.AddRange(((ValueListContent)right).Arr);
        return true;
    }

    public void Integrate(Transaction transaction, Item item) { }
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }

    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteLen(Arr.Count - offset);
        for (int i = offset; i < Arr.Count; i++) WriteValue(encoder, Arr[i]);
    }

    /// <summary>A content of the same kind holding <paramref name="values"/>.</summary>
    protected abstract ValueListContent With(List<object?> values);

    protected abstract void WriteValue(UpdateEncoderV1 encoder, object? value);

    protected static List<object?> ReadValues(UpdateDecoderV1 decoder, Func<UpdateDecoderV1, object?> readValue)
    {
        int len = decoder.RestDecoder.ReadCount("value count");
        var arr = new List<object?>(len);
        for (int i = 0; i < len; i++) arr.Add(readValue(decoder));
        return arr;
    }
}
