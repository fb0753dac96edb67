using Collab.Crdt.Blocks;

namespace Collab.Crdt.Encoding;

/// <summary>
/// Writes the Yjs v1 update format. The data model writes itself through these methods and
/// never touches bytes directly, as yrs keeps its encoders apart from its blocks.
/// </summary>
public sealed class UpdateEncoderV1
{
    /// <summary>The underlying writer; V1 keeps everything in one stream (yjs's <c>restEncoder</c>).</summary>
    public Lib0Writer RestEncoder { get; }

    /// <summary>An empty encoder with room for <paramref name="capacity"/> bytes.</summary>
    public UpdateEncoderV1(int capacity = 64) => RestEncoder = new Lib0Writer(capacity);

    /// <summary>The update written so far, as a new array.</summary>
    public byte[] ToArray() => RestEncoder.ToArray();

    /// <summary>The update written, as a new array; the encoder gives its buffer back and is empty afterwards.</summary>
    internal byte[] ToArrayAndRelease() => RestEncoder.ToArrayAndRelease();

    /// <summary>What was written, as the writer's chunks (see <see cref="EncodedParts"/>); the encoder is empty afterwards.</summary>
    internal EncodedParts TakeParts() => RestEncoder.TakeParts();

    /// <summary>Writes the start clock of a delete-set range.</summary>
    public void WriteDsClock(int clock) => RestEncoder.WriteVarUint(clock);
    /// <summary>Writes the length, in clocks, of a delete-set range.</summary>
    public void WriteDsLen(int len) => RestEncoder.WriteVarUint(len);
    /// <summary>Writes an item's left origin.</summary>
    public void WriteLeftId(ID id) { RestEncoder.WriteVarUint(id.Client); RestEncoder.WriteVarUint(id.Clock); }
    /// <summary>Writes an item's right origin.</summary>
    public void WriteRightId(ID id) { RestEncoder.WriteVarUint(id.Client); RestEncoder.WriteVarUint(id.Clock); }
    /// <summary>Writes a client id.</summary>
    public void WriteClient(ulong client) => RestEncoder.WriteVarUint(client);
    /// <summary>Writes a struct's info byte.</summary>
    public void WriteInfo(byte info) => RestEncoder.WriteUint8(info);
    /// <summary>Writes a varString.</summary>
    public void WriteString(string s) => RestEncoder.WriteVarString(s);
    /// <summary>Writes whether the parent is a root name (<paramref name="isYKey"/> true) or an item id.</summary>
    public void WriteParentInfo(bool isYKey) => RestEncoder.WriteVarUint(isYKey ? 1UL : 0UL);
    /// <summary>Writes a shared type's type ref.</summary>
    public void WriteTypeRef(int typeRef) => RestEncoder.WriteVarUint(typeRef);
    /// <summary>Writes a length in clocks.</summary>
    public void WriteLen(int len) => RestEncoder.WriteVarUint(len);
    /// <summary>Writes a lib0 Any value.</summary>
    public void WriteAny(object? value) => RestEncoder.WriteAny(value);
    /// <summary>Writes a length-prefixed byte array.</summary>
    public void WriteBuf(byte[] buf) => RestEncoder.WriteVarUint8Array(buf);
    /// <summary>Writes a value as JSON text.</summary>
    public void WriteJson(object? value) => RestEncoder.WriteVarString(JsJson.Stringify(value));
    /// <summary>Writes a key (map key, attribute or node name).</summary>
    public void WriteKey(string key) => RestEncoder.WriteVarString(key);
}
