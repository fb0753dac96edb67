using Collab.Crdt.Blocks;
using Collab.Crdt.Encoding;
using Collab.Crdt.Store;
using Collab.Crdt.Transactions;

namespace Collab.Crdt.Content;

/// <summary>A run of values, one clock each, that splits and merges like a list (Any and legacy JSON content).</summary>
public abstract class ValueListContent : IItemContent
{
    // The values, or (Any content read from an update) their encoding as it came, decoded when a
    // split or merge needs them. See ContentAny for why.
    private List<object?>? _arr;
    private byte[]? _encoded;
    private int _encodedCount;

    // Two encodings are joined into a new array. Values appended one at a time (a client pushing
    // small items, each merged into the run before it) would copy the whole run each time, so a
    // run is joined encoded only while it stays this small, or when the part joined is large
    // enough to pay for the copy; past that it is decoded and grows as a list.
    private const int MergeEncodedUpToBytes = 4096;

    /// <summary>Wraps <paramref name="arr"/> without copying it.</summary>
    protected ValueListContent(List<object?> arr) => _arr = arr;

    /// <summary>Holds <paramref name="count"/> values as <paramref name="encoded"/>, written by <see cref="WriteValue"/> one after the other; decoded with <see cref="DecodeValues"/> when needed.</summary>
    protected ValueListContent(byte[] encoded, int count) => (_encoded, _encodedCount) = (encoded, count);

    /// <summary>The values, one clock each; mutated by splits and merges. Decodes (and from then on keeps) values held encoded.</summary>
    public List<object?> Arr
    {
        get
        {
            if (_arr is null)
            {
                _arr = DecodeValues(_encoded!, _encodedCount);
                _encoded = null;
            }
            return _arr;
        }
    }

    /// <inheritdoc/>
    public int Length => _arr?.Count ?? _encodedCount;
    /// <inheritdoc/>
    public bool Countable => true;
    /// <inheritdoc/>
    public abstract byte Ref { get; }
    /// <inheritdoc/>
    // Values held encoded are decoded for the reader and not kept: reading a document (export,
    // search) leaves it as small as it was.
    public IReadOnlyList<object?> GetContent() => _arr ?? DecodeValues(_encoded!, _encodedCount);
    /// <inheritdoc/>
    public IItemContent Copy() => _arr is null ? WithEncoded(_encoded!, _encodedCount) : With(new List<object?>(_arr));

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
        var other = (ValueListContent)right;
        if (_arr is null && other._arr is null
            && (_encoded!.Length + other._encoded!.Length <= MergeEncodedUpToBytes || other._encoded.Length >= MergeEncodedUpToBytes / 16))
        {
            _encoded = [.. _encoded!, .. other._encoded!];
            _encodedCount += other._encodedCount;
            return true;
        }
        Arr.AddRange(other.Arr);
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
        encoder.WriteLen(Length - offset);
        if (_arr is null && offset == 0)
        {
            encoder.RestEncoder.WriteBytes(_encoded);
            return;
        }
        for (int i = offset; i < Arr.Count; i++) WriteValue(encoder, Arr[i]);
    }

    /// <summary>A content of the same kind holding <paramref name="values"/>.</summary>
    protected abstract ValueListContent With(List<object?> values);

    /// <summary>A content of the same kind holding <paramref name="count"/> values as <paramref name="encoded"/>; only kinds that hold values encoded override it.</summary>
    protected virtual ValueListContent WithEncoded(byte[] encoded, int count) => With(DecodeValues(encoded, count));

    /// <summary>Decodes values held encoded; only kinds that hold values encoded override it.</summary>
    protected virtual List<object?> DecodeValues(byte[] encoded, int count) =>
        throw new InvalidOperationException($"{GetType().Name} does not hold values encoded.");

    /// <summary>Writes one value in this content kind's encoding.</summary>
    protected abstract void WriteValue(UpdateEncoderV1 encoder, object? value);

    /// <summary>Reads a length-prefixed run of values with <paramref name="readValue"/>; the count is bounded by the remaining input.</summary>
    protected static List<object?> ReadValues(UpdateDecoderV1 decoder, Func<UpdateDecoderV1, object?> readValue)
    {
        int len = decoder.RestDecoder.ReadCount("value count");
        return ReadValues(decoder, len, readValue);
    }

    /// <summary>Reads <paramref name="count"/> values with <paramref name="readValue"/>.</summary>
    protected static List<object?> ReadValues(UpdateDecoderV1 decoder, int count, Func<UpdateDecoderV1, object?> readValue)
    {
        var arr = new List<object?>(count);
        for (int i = 0; i < count; i++) arr.Add(readValue(decoder));
        return arr;
    }
}
