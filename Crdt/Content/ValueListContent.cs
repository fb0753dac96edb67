using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>A run of values, one clock each, that splits and merges like a list (Any and legacy JSON content).</summary>
public abstract class ValueListContent : IItemContent
{
    /// <summary>The values, one clock each; mutated by splits and merges.</summary>
    public List<object?> Arr;

    /// <summary>Wraps <paramref name="arr"/> without copying it.</summary>
    protected ValueListContent(List<object?> arr) => Arr = arr;

    /// <inheritdoc/>
    public int Length => Arr.Count;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public abstract byte Ref { get; }
    /// <inheritdoc/>
    public IReadOnlyList<object?> GetContent() => Arr;
    /// <inheritdoc/>
    public IItemContent Copy() => With(new List<object?>(Arr));

    /// <inheritdoc/>
    public IItemContent Splice(int offset)
    {
        var right = With(Arr.GetRange(offset, Arr.Count - offset));
        Arr.RemoveRange(offset, Arr.Count - offset);
        return right;
    }

    /// <inheritdoc/>
    public bool MergeWith(IItemContent right)
    {
        Arr.AddRange(((ValueListContent)right).Arr);
        return true;
    }

    /// <inheritdoc/>
    public void Integrate(Transaction transaction, Item item) { }
    /// <inheritdoc/>
    public void Delete(Transaction transaction) { }
    /// <inheritdoc/>
    public void Gc(StructStore store) { }

    /// <inheritdoc/>
    public void Write(UpdateEncoderV1 encoder, int offset)
    {
        encoder.WriteLen(Arr.Count - offset);
        for (int i = offset; i < Arr.Count; i++) WriteValue(encoder, Arr[i]);
    }

    /// <summary>A content of the same kind holding <paramref name="values"/>.</summary>
    protected abstract ValueListContent With(List<object?> values);

    /// <summary>Writes one value in this content kind's encoding.</summary>
    protected abstract void WriteValue(UpdateEncoderV1 encoder, object? value);

    /// <summary>Reads a length-prefixed run of values with <paramref name="readValue"/>; the count is bounded by the remaining input.</summary>
    protected static List<object?> ReadValues(UpdateDecoderV1 decoder, Func<UpdateDecoderV1, object?> readValue)
    {
        int len = decoder.RestDecoder.ReadCount("value count");
        var arr = new List<object?>(len);
        for (int i = 0; i < len; i++) arr.Add(readValue(decoder));
        return arr;
    }
}
