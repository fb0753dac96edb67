using Collab.Crdt.Blocks;

namespace Collab.Crdt.Encoding;

/// <summary>Reads the Yjs v1 update format; every malformed input ends in <see cref="CrdtFormatException"/>.</summary>
public sealed class UpdateDecoderV1
{
    public Lib0Reader RestDecoder { get; }

    public UpdateDecoderV1(Lib0Reader reader) => RestDecoder = reader;
    public UpdateDecoderV1(byte[] update) : this(new Lib0Reader(update)) { }

    public int ReadDsClock() => RestDecoder.ReadVarUintAsInt("delete-set clock");
    public int ReadDsLen() => RestDecoder.ReadVarUintAsInt("delete-set length");
    public ID ReadLeftId() => new(ReadClient(), RestDecoder.ReadVarUintAsInt("clock"));
    public ID ReadRightId() => new(ReadClient(), RestDecoder.ReadVarUintAsInt("clock"));
    public ulong ReadClient() => RestDecoder.ReadVarUint();
    public byte ReadInfo() => RestDecoder.ReadUint8();
    public string ReadString() => RestDecoder.ReadVarString();
    public bool ReadParentInfo() => RestDecoder.ReadVarUint() == 1;
    public int ReadTypeRef() => RestDecoder.ReadVarUintAsInt("type ref");
    public int ReadLen() => RestDecoder.ReadVarUintAsInt("length");
    public object? ReadAny() => RestDecoder.ReadAny();
    public byte[] ReadBuf() => RestDecoder.ReadVarUint8Array();
    public object? ReadJson() => JsJson.Parse(RestDecoder.ReadVarString());
    public string ReadKey() => RestDecoder.ReadVarString();
}
