using Collab.Crdt.Blocks;

namespace Collab.Crdt.Encoding;

/// <summary>
/// Writes the Yjs v1 update format. The data model writes itself through these methods and
/// never touches bytes directly, as yrs keeps its encoders apart from its blocks.
/// </summary>
public sealed class UpdateEncoderV1
{
    public Lib0Writer RestEncoder { get; }

    public UpdateEncoderV1(int capacity = 64) => RestEncoder = new Lib0Writer(capacity);

    public byte[] ToArray() => RestEncoder.ToArray();

    public void WriteDsClock(int clock) => RestEncoder.WriteVarUint(clock);
    public void WriteDsLen(int len) => RestEncoder.WriteVarUint(len);
    public void WriteLeftId(ID id) { RestEncoder.WriteVarUint(id.Client); RestEncoder.WriteVarUint(id.Clock); }
    public void WriteRightId(ID id) { RestEncoder.WriteVarUint(id.Client); RestEncoder.WriteVarUint(id.Clock); }
    public void WriteClient(ulong client) => RestEncoder.WriteVarUint(client);
    public void WriteInfo(byte info) => RestEncoder.WriteUint8(info);
    public void WriteString(string s) => RestEncoder.WriteVarString(s);
    public void WriteParentInfo(bool isYKey) => RestEncoder.WriteVarUint(isYKey ? 1UL : 0UL);
    public void WriteTypeRef(int typeRef) => RestEncoder.WriteVarUint(typeRef);
    public void WriteLen(int len) => RestEncoder.WriteVarUint(len);
    public void WriteAny(object? value) => RestEncoder.WriteAny(value);
    public void WriteBuf(byte[] buf) => RestEncoder.WriteVarUint8Array(buf);
    public void WriteJson(object? value) => RestEncoder.WriteVarString(JsJson.Stringify(value));
    public void WriteKey(string key) => RestEncoder.WriteVarString(key);
}
