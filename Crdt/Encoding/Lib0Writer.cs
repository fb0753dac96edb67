using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collab.Crdt.Encoding;

/// <summary>Growable byte buffer writing lib0's primitives (varUint, varInt, varString, Any...).</summary>
public sealed class Lib0Writer
{
    // Past this size the buffer comes from the shared pool: a document's encoding grows it by
    // doubling to a few hundred KB, and as new arrays each step would land on the large object
    // heap, whose allocations are what start full (gen 2) collections.
    private const int PooledFrom = 32 * 1024;
    private byte[] _buffer;
    private int _length;
    private bool _pooled;

    /// <summary>An empty writer with room for <paramref name="capacity"/> bytes (at least 16); it grows as needed.</summary>
    public Lib0Writer(int capacity = 64) => _buffer = new byte[Math.Max(capacity, 16)];

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Copies the bytes written so far into a new array.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>
    /// Copies the bytes written so far into a new array and gives a pooled buffer back: the
    /// writer is empty afterwards. For writers that end with their result, when nothing still
    /// holds a <see cref="WrittenSpan"/>.
    /// </summary>
    internal byte[] ToArrayAndRelease()
    {
        var result = ToArray();
        if (_pooled) ArrayPool<byte>.Shared.Return(_buffer);
        (_buffer, _length, _pooled) = ([], 0, false);
        return result;
    }

    /// <summary>The bytes written so far, without copying; invalid after the next write.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    // The check inlined into every write; growing, rare, stays out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length) Grow(extra);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int extra)
    {
        int size = Math.Max(_buffer.Length * 2, _length + extra);
        bool pooled = size >= PooledFrom;
        var next = pooled ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];
        Buffer.BlockCopy(_buffer, 0, next, 0, _length);
        if (_pooled) ArrayPool<byte>.Shared.Return(_buffer);
        (_buffer, _pooled) = (next, pooled);
    }

    /// <summary>Writes one byte.</summary>
    public void WriteUint8(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    /// <summary>Writes <paramref name="bytes"/> as they are, without a length prefix.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes a lib0 varUint: 7 bits a byte, little end first.</summary>
    public void WriteVarUint(ulong value)
    {
        Ensure(10);
        var buffer = _buffer;
        int length = _length;
        while (value > 0x7F)
        {
            buffer[length++] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }
        buffer[length++] = (byte)value;
        _length = length;
    }

    /// <summary>Writes a non-negative int as a lib0 varUint.</summary>
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

    /// <summary>Writes <paramref name="value"/> as UTF-8 with a varUint byte-length prefix (lib0 <c>writeVarString</c>).</summary>
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

    /// <summary>Writes <paramref name="bytes"/> with a varUint length prefix (lib0 <c>writeVarUint8Array</c>).</summary>
    public void WriteVarUint8Array(ReadOnlySpan<byte> bytes)
    {
        WriteVarUint((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>Writes a big-endian 32-bit float.</summary>
    public void WriteFloat32(float value)
    {
        Ensure(4);
        BinaryPrimitives.WriteSingleBigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Writes a big-endian 64-bit float.</summary>
    public void WriteFloat64(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Writes a big-endian 64-bit signed integer.</summary>
    public void WriteBigInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Writes a JSON-like value with lib0's <c>writeAny</c> tags.</summary>
    public void WriteAny(object? value) => AnyCodec.Write(this, value);
}
