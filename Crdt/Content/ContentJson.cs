using Collab.Crdt.Encoding;

namespace Collab.Crdt.Content;

/// <summary>Legacy JSON-text values (content ref 2); read and re-written, never produced.</summary>
public sealed class ContentJson(List<object?> arr) : ValueListContent(arr)
{
    /// <summary>The content ref of legacy JSON content.</summary>
    public const byte RefNumber = 2;

    /// <inheritdoc/>
    public override byte Ref => RefNumber;
    /// <inheritdoc/>
    protected override ValueListContent With(List<object?> values) => new ContentJson(values);

    /// <inheritdoc/>
    protected override void WriteValue(UpdateEncoderV1 encoder, object? value) =>
        encoder.WriteString(value is Undefined ? "undefined" : JsJson.Stringify(value));

    internal static ContentJson Read(UpdateDecoderV1 decoder) => new(ReadValues(decoder, d => JsJson.Parse(d.ReadString())));
}
