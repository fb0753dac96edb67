using System.Buffers.Binary;

namespace Collab.Crdt.Encoding;

/// <summary>
/// Reads lib0's primitives from a byte array. Every read checks the remaining input, so a
/// declared length longer than what is left is rejected before anything is allocated.
/// </summary>
public sealed class Lib0Reader
{
    private const ulong MaxSafeInteger = (1UL << 53) - 1;
    private readonly byte[] _data;
    private readonly int _end;
    private int _pos;

    public Lib0Reader(byte[] data) : this(data, 0, data.Length) { }

    public Lib0Reader(byte[] data, int offset, int count)
    {
        _data = data;
        _pos = offset;
        _end = offset + count;
    }

    public bool HasContent => _pos < _end;
    public int Position => _pos;
    public int Remaining => _end - _pos;

    private static CrdtFormatException EndOfInput() => new("Unexpected end of input.");

    public byte ReadUint8()
    {
        if (_pos >= _end) throw EndOfInput();
        return _data[_pos++];
    }

    public ulong ReadVarUint()
    {
        ulong num = 0;
        int shift = 0;
        while (_pos < _end)
        {
            byte r = _data[_pos++];
            num |= (ulong)(r & 0x7F) << shift;
            if (r < 0x80)
            {
                if (num > MaxSafeInteger) throw new CrdtFormatException("Integer out of range.");
                return num;
            }
            shift += 7;
            if (shift > 56) throw new CrdtFormatException("Integer out of range.");
        }
        throw EndOfInput();
    }

    /// <summary>A varUint that must fit a non-negative int (clocks, lengths, counts).</summary>
    public int ReadVarUintAsInt(string what = "value")
    {
        ulong v = ReadVarUint();
        if (v > int.MaxValue) throw new CrdtFormatException($"The {what} {v} is out of range.");
        return (int)v;
    }

    /// <summary>A count of following entries, each at least <paramref name="minEntryBytes"/> long.</summary>
    public int ReadCount(string what, int minEntryBytes = 1)
    {
        int n = ReadVarUintAsInt(what);
        if ((long)n * minEntryBytes > Remaining)
            throw new CrdtFormatException($"The {what} {n} is larger than the remaining input.");
        return n;
    }

    public long ReadVarInt(out bool negativeZero)
    {
        byte r = ReadUint8();
        ulong num = (ulong)(r & 0x3F);
        int shift = 6;
        bool negative = (r & 0x40) != 0;
        if ((r & 0x80) != 0)
        {
            while (true)
            {
                if (_pos >= _end) throw EndOfInput();
                r = _data[_pos++];
                num |= (ulong)(r & 0x7F) << shift;
                if (r < 0x80) break;
                shift += 7;
                if (shift > 53) throw new CrdtFormatException("Integer out of range.");
            }
        }
        if (num > MaxSafeInteger) throw new CrdtFormatException("Integer out of range.");
        negativeZero = negative && num == 0;
        return negative ? -(long)num : (long)num;
    }

    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        if (length < 0 || length > Remaining) throw EndOfInput();
        var span = new ReadOnlySpan<byte>(_data, _pos, length);
        _pos += length;
        return span;
    }

    public string ReadVarString()
    {
        int len = ReadVarUintAsInt("string length");
        return System.Text.Encoding.UTF8.GetString(ReadSpan(len));
    }

    public byte[] ReadVarUint8Array()
    {
        int len = ReadVarUintAsInt("byte array length");
        return ReadSpan(len).ToArray();
    }

    public float ReadFloat32() => BinaryPrimitives.ReadSingleBigEndian(ReadSpan(4));
    public double ReadFloat64() => BinaryPrimitives.ReadDoubleBigEndian(ReadSpan(8));
    public long ReadBigInt64() => BinaryPrimitives.ReadInt64BigEndian(ReadSpan(8));

    /// <summary>Reads a value written with lib0's <c>writeAny</c>.</summary>
    public object? ReadAny() => AnyCodec.Read(this, 0);
}
