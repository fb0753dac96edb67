using System.Buffers.Binary;
using System.Text;

namespace Collab.Crdt.Encoding;

/// <summary>Growable byte buffer writing lib0's primitives (varUint, varInt, varString, Any...).</summary>
public sealed class Lib0Writer
{
    private byte[] _buffer;
    private int _length;

    public Lib0Writer(int capacity = 64) => _buffer = new byte[Math.Max(capacity, 16)];

    public int Length => _length;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length) return;
        var next = new byte[Math.Max(_buffer.Length * 2, _length + extra)];
        Buffer.BlockCopy(_buffer, 0, next, 0, _length);
        _buffer = next;
    }

    public void WriteUint8(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteVarUint(ulong value)
    {
        Ensure(10);
        while (value > 0x7F)
        {
            _buffer[_length++] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }
        _buffer[_length++] = (byte)value;
    }

    public void WriteVarUint(int value) => WriteVarUint((ulong)value);

    /// <summary>lib0 varInt: sign in bit 6 of the first byte, so -0 is representable.</summary>
    public void WriteVarInt(long value, bool negativeZero = false)
    {
        Ensure(11);
        bool negative = value < 0 || negativeZero;
        ulong abs = value < 0 ? (ulong)(-value) : (ulong)value;
        _buffer[_length++] = (byte)((abs > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (byte)(abs & 0x3F));
        abs >>= 6;
        while (abs > 0)
        {
            _buffer[_length++] = (byte)((abs > 0x7F ? 0x80 : 0) | (byte)(abs & 0x7F));
            abs >>= 7;
        }
    }

    public void WriteVarString(string value)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max < 128)
        {
            // Fast path: length fits one varUint byte when the string is short.
            Ensure(max + 1);
            int n = System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 1));
            _buffer[_length] = (byte)n;
            _length += n + 1;
            return;
        }
        int count = System.Text.Encoding.UTF8.GetByteCount(value);
        WriteVarUint((ulong)count);
        Ensure(count);
        System.Text.Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        _length += count;
    }

    public void WriteVarUint8Array(ReadOnlySpan<byte> bytes)
    {
        WriteVarUint((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    public void WriteFloat32(float value)
    {
        Ensure(4);
        BinaryPrimitives.WriteSingleBigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    public void WriteFloat64(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteBigInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Writes a JSON-like value with lib0's <c>writeAny</c> tags.</summary>
    public void WriteAny(object? value) => AnyCodec.Write(this, value);
}
