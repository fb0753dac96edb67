using Collab.Crdt.Encoding;

namespace Collab.Crdt.Content;

/// <summary>JSON-like values in an array or map (one clock per element), written with lib0's Any encoding.</summary>
/// <remarks>
/// Values read from an update are kept as the bytes they came in rather than as .NET objects: a
/// large output (mostly ASCII text) then takes one byte a character instead of two, and a small
/// value one array instead of a list, its array, a boxed number or string, and for an object a
/// dictionary with its buckets and key strings (a small notebook's cell ids, types, counts and
/// outputs: about 40 % of its Doc). Writing them out again is a copy. They are kept so only when
/// decoding and re-encoding them gives the same bytes, so what is written is what yjs would write.
/// </remarks>
public sealed class ContentAny : ValueListContent
{
    /// <summary>The content ref of Any content.</summary>
    public const byte RefNumber = 8;

    /// <summary>Any content holding <paramref name="arr"/> (not copied).</summary>
    public ContentAny(List<object?> arr) : base(arr) { }

    private ContentAny(byte[] encoded, int count) : base(encoded, count) { }

    /// <inheritdoc/>
    public override byte Ref => RefNumber;
    /// <inheritdoc/>
    protected override ValueListContent With(List<object?> values) => new ContentAny(values);
    /// <inheritdoc/>
    protected override ValueListContent WithEncoded(byte[] encoded, int count) => new ContentAny(encoded, count);
    /// <inheritdoc/>
    protected override void WriteValue(UpdateEncoderV1 encoder, object? value) => encoder.WriteAny(value);

    /// <inheritdoc/>
    protected override List<object?> DecodeValues(byte[] encoded, int count)
    {
        var reader = new Lib0Reader(encoded);
        var values = new List<object?>(count);
        for (int i = 0; i < count; i++) values.Add(reader.ReadAny());
        return values;
    }

    internal static ContentAny Read(UpdateDecoderV1 decoder)
    {
        var reader = decoder.RestDecoder;
        int count = reader.ReadCount("value count");
        int start = reader.Position;
        var values = ReadValues(decoder, count, d => d.ReadAny());
        var encoded = reader.ReadSince(start);
        var rewritten = new Lib0Writer(Math.Min(encoded.Length, 4096));
        foreach (var value in values) rewritten.WriteAny(value);
        var canonical = rewritten.WrittenEquals(encoded);
        rewritten.Release();
        return canonical ? new ContentAny(encoded.ToArray(), count) : new ContentAny(values);
    }
}
