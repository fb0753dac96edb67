using Collab.Crdt.Encoding;

namespace Collab.Crdt.Content;

/// <summary>JSON-like values in an array or map (one clock per element), written with lib0's Any encoding.</summary>
public sealed class ContentAny(List<object?> arr) : ValueListContent(arr)
{
    /// <summary>The content ref of Any content.</summary>
    public const byte RefNumber = 8;

    /// <inheritdoc/>
    public override byte Ref => RefNumber;
    /// <inheritdoc/>
    protected override ValueListContent With(List<object?> values) => new ContentAny(values);
    /// <inheritdoc/>
    protected override void WriteValue(UpdateEncoderV1 encoder, object? value) => encoder.WriteAny(value);

    internal static ContentAny Read(UpdateDecoderV1 decoder) => new(ReadValues(decoder, d => d.ReadAny()));
}
