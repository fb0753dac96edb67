using Collab.Crdt.Encoding;

namespace Collab.Crdt.Content;

/// <summary>JSON-like values in an array or map (one clock per element), written with lib0's Any encoding.</summary>
public sealed class ContentAny(List<object?> arr) : ValueListContent(arr)
{
    public const byte RefNumber = 8;

    public override byte Ref => RefNumber;
    protected override ValueListContent With(List<object?> values) => new ContentAny(values);
    protected override void WriteValue(UpdateEncoderV1 encoder, object? value) => encoder.WriteAny(value);

    internal static ContentAny Read(UpdateDecoderV1 decoder) => new(ReadValues(decoder, d => d.ReadAny()));
}
