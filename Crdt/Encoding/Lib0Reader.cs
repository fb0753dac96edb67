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

    /// <summary>Reads all of <paramref name="data"/>; the array is not copied, so don't change it while reading.</summary>
    public Lib0Reader(byte[] data) : this(data, 0, data.Length) { }

    /// <summary>Reads <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>, without copying.</summary>
    public Lib0Reader(byte[] data, int offset, int count)
    {
        _data = data;
        _pos = offset;
        _end = offset + count;
    }

    /// <summary>Whether unread input is left.</summary>
    public bool HasContent => _pos < _end;
    /// <summary>The index of the next byte to read in the underlying array.</summary>
    public int Position => _pos;
    /// <summary>Bytes left to read.</summary>
    public int Remaining => _end - _pos;

    private static CrdtFormatException EndOfInput() => new("Unexpected end of input.");

    /// <summary>Reads one byte.</summary>
    /// <exception cref="CrdtFormatException">The input has ended.</exception>
    public byte ReadUint8()
    {
        if (_pos >= _end) throw EndOfInput();
        return _data[_pos++];
    }

    /// <summary>Reads a lib0 varUint (7 bits a byte, little end first), rejecting values above 2^53 − 1 as JavaScript can't hold them.</summary>
    /// <exception cref="CrdtFormatException">The input ends or the value is too large.</exception>
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

    /// <summary>Reads a lib0 varInt (sign in bit 6 of the first byte).</summary>
    /// <param name="negativeZero">True when the input encodes -0, which JavaScript keeps apart from 0.</param>
    /// <exception cref="CrdtFormatException">The input ends or the value is beyond ±(2^53 − 1).</exception>
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

    /// <summary>Returns the next <paramref name="length"/> bytes as a view into the input, without copying.</summary>
    /// <exception cref="CrdtFormatException">Fewer bytes are left.</exception>
    public ReadOnlySpan<byte> ReadSpan(int length)
    {
        if (length < 0 || length > Remaining) throw EndOfInput();
        var span = new ReadOnlySpan<byte>(_data, _pos, length);
        _pos += length;
        return span;
    }

    /// <summary>The bytes read since <paramref name="position"/> (an earlier <see cref="Position"/>), as a view into the input.</summary>
    internal ReadOnlySpan<byte> ReadSince(int position) => new(_data, position, _pos - position);

    /// <summary>Reads a length-prefixed UTF-8 string (lib0 <c>readVarString</c>).</summary>
    public string ReadVarString()
    {
        int len = ReadVarUintAsInt("string length");
        return System.Text.Encoding.UTF8.GetString(ReadSpan(len));
    }

    /// <summary>Reads a length-prefixed UTF-8 string that names something (a key), shared with every equal short key read before (<see cref="SharedKeys"/>).</summary>
    internal string ReadVarKey()
    {
        int len = ReadVarUintAsInt("string length");
        return SharedKeys.Get(ReadSpan(len));
    }

    /// <summary>Reads a length-prefixed byte array into a new array (lib0 <c>readVarUint8Array</c>).</summary>
    public byte[] ReadVarUint8Array()
    {
        int len = ReadVarUintAsInt("byte array length");
        return ReadSpan(len).ToArray();
    }

    /// <summary>Reads a big-endian 32-bit float.</summary>
    public float ReadFloat32() => BinaryPrimitives.ReadSingleBigEndian(ReadSpan(4));
    /// <summary>Reads a big-endian 64-bit float.</summary>
    public double ReadFloat64() => BinaryPrimitives.ReadDoubleBigEndian(ReadSpan(8));
    /// <summary>Reads a big-endian 64-bit signed integer (JavaScript's BigInt in lib0's Any).</summary>
    public long ReadBigInt64() => BinaryPrimitives.ReadInt64BigEndian(ReadSpan(8));

    /// <summary>Reads a value written with lib0's <c>writeAny</c>.</summary>
    public object? ReadAny() => AnyCodec.Read(this, 0);
}
