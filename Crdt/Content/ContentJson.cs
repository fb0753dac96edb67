using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>Legacy JSON-text values (content ref 2); read and re-written, never produced.</summary>
public sealed class ContentJson : IItemContent
{
    public const byte RefNumber = 2;
    public List<object?> Arr;

    public ContentJson(List<object?> arr) => Arr = arr;

    public int Length => Arr.Count;
    public bool Countable => true;
    public byte Ref => RefNumber;
    public IReadOnlyList<object?> GetContent() => Arr;
    public IItemContent Copy() => new ContentJson(new List<object?>(Arr));

    public IItemContent Splice(int offset)
    {
        var right = new ContentJson(Arr.GetRange(offset, Arr.Count - offset));
        Arr.RemoveRange(offset, Arr.Count - offset);
        return right;
    }

    public bool MergeWith(IItemContent right)
    {
        Arr.AddRange(((ContentJson)right).Arr);
        return true;
    }

    public void Integrate(Transaction transaction, Item item) { }
    public void Delete(Transaction transaction) { }
    public void Gc(StructStore store) { }

    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteLen(Arr.Count - offset);
        for (int i = offset; i < Arr.Count; i++)
            encoder.WriteString(Arr[i] is Undefined ? "undefined" : JsJson.Stringify(Arr[i]));
    }

    internal static ContentJson Read(UpdateDecoderV1 decoder)
    {
        int len = decoder.RestDecoder.ReadCount("value count");
        var arr = new List<object?>(len);
        for (int i = 0; i < len; i++) arr.Add(JsJson.Parse(decoder.ReadString()));
        return new ContentJson(arr);
    }
}
