using Collab.Crdt.Blocks;

namespace Collab.Crdt.Encoding;

/// <summary>Reads the Yjs v1 update format; every malformed input ends in <see cref="CrdtFormatException"/>.</summary>
public sealed class UpdateDecoderV1
{
    /// <summary>The underlying reader; V1 keeps everything in one stream (yjs's <c>restDecoder</c>).</summary>
    public Lib0Reader RestDecoder { get; }

    /// <summary>Decodes from the current position of <paramref name="reader"/>.</summary>
    public UpdateDecoderV1(Lib0Reader reader) => RestDecoder = reader;
    /// <summary>Decodes all of <paramref name="update"/>.</summary>
    public UpdateDecoderV1(byte[] update) : this(new Lib0Reader(update)) { }

    /// <summary>Reads the start clock of a delete-set range.</summary>
    public int ReadDsClock() => RestDecoder.ReadVarUintAsInt("delete-set clock");
    /// <summary>Reads the length, in clocks, of a delete-set range.</summary>
    public int ReadDsLen() => RestDecoder.ReadVarUintAsInt("delete-set length");
    /// <summary>Reads an item's left origin.</summary>
    public ID ReadLeftId() => new(ReadClient(), RestDecoder.ReadVarUintAsInt("clock"));
    /// <summary>Reads an item's right origin.</summary>
    public ID ReadRightId() => new(ReadClient(), RestDecoder.ReadVarUintAsInt("clock"));
    /// <summary>Reads a client id.</summary>
    public ulong ReadClient() => RestDecoder.ReadVarUint();
    /// <summary>Reads a struct's info byte (content ref and origin/parent flags).</summary>
    public byte ReadInfo() => RestDecoder.ReadUint8();
    /// <summary>Reads a varString.</summary>
    public string ReadString() => RestDecoder.ReadVarString();
    /// <summary>Reads whether the parent is a root name (true) or an item id (false).</summary>
    public bool ReadParentInfo() => RestDecoder.ReadVarUint() == 1;
    /// <summary>Reads a shared type's type ref (see <c>TypeRefNumber</c> on the Y types).</summary>
    public int ReadTypeRef() => RestDecoder.ReadVarUintAsInt("type ref");
    /// <summary>Reads a length in clocks.</summary>
    public int ReadLen() => RestDecoder.ReadVarUintAsInt("length");
    /// <summary>Reads a lib0 Any value.</summary>
    public object? ReadAny() => RestDecoder.ReadAny();
    /// <summary>Reads a length-prefixed byte array.</summary>
    public byte[] ReadBuf() => RestDecoder.ReadVarUint8Array();
    /// <summary>Reads a value stored as JSON text (legacy JSON and embed content).</summary>
    public object? ReadJson() => JsJson.Parse(RestDecoder.ReadVarString());
    /// <summary>Reads a key (map key, attribute or node name).</summary>
    public string ReadKey() => RestDecoder.ReadVarKey();
}
