using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collab.Crdt.Encoding;

/// <summary>Growable byte buffer writing lib0's primitives (varUint, varInt, varString, Any...).</summary>
public sealed class Lib0Writer
{
    // Up to this size the buffer grows by doubling. Past it, what is written goes into chunks of
    // this size from the shared pool, below the large object heap's threshold: a 10 MB document's
    // encoding then leaves no 16 MB buffer in the pool for good (the pool keeps what it is given,
    // per thread and per core) and no doubling's 30 MB of large-object garbage, only its result.
    private const int ChunkBytes = 64 * 1024;
    private byte[] _buffer;
    private int _length;
    private bool _pooled;
    // Filled chunks before _buffer, in order, when the writer went past ChunkBytes.
    private List<(byte[] Chunk, int Used, bool Pooled)>? _filled;
    private int _filledBytes;

    /// <summary>An empty writer with room for <paramref name="capacity"/> bytes (at least 16); it grows as needed.</summary>
    public Lib0Writer(int capacity = 64) => _buffer = new byte[Math.Max(capacity, 16)];

    /// <summary>Bytes written so far.</summary>
    public int Length => _filledBytes + _length;

    /// <summary>Copies the bytes written so far into a new array.</summary>
    public byte[] ToArray()
    {
        if (_filled is null) return _buffer.AsSpan(0, _length).ToArray();
        var result = GC.AllocateUninitializedArray<byte>(Length);
        CopyTo(result);
        return result;
    }

    /// <summary>
    /// Copies the bytes written so far into a new array and gives pooled chunks back: the writer
    /// is empty afterwards. For writers that end with their result, when nothing still holds a
    /// <see cref="WrittenSpan"/>.
    /// </summary>
    internal byte[] ToArrayAndRelease()
    {
        var result = ToArray();
        Release();
        return result;
    }

    /// <summary>
    /// Hands the bytes written so far over as the chunks they were written in, without copying
    /// them into one array: the writer is empty afterwards and the parts own its pooled chunks.
    /// </summary>
    internal EncodedParts TakeParts()
    {
        var parts = _filled ?? [];
        parts.Add((_buffer, _length, _pooled));
        (_buffer, _length, _pooled, _filled, _filledBytes) = ([], 0, false, null, 0);
        return new EncodedParts(parts);
    }

    /// <summary>The bytes written so far, without copying unless the writer went past one chunk; invalid after the next write.</summary>
    public ReadOnlySpan<byte> WrittenSpan
    {
        get
        {
            if (_filled is not null)
            {
                var all = ToArray();
                Release();
                (_buffer, _length) = (all, all.Length);
            }
            return _buffer.AsSpan(0, _length);
        }
    }

    /// <summary>Whether the bytes written so far are <paramref name="other"/>, compared chunk by chunk.</summary>
    internal bool WrittenEquals(ReadOnlySpan<byte> other)
    {
        if (other.Length != Length) return false;
        var at = 0;
        foreach (var (chunk, used, _) in _filled ?? [])
        {
            if (!chunk.AsSpan(0, used).SequenceEqual(other.Slice(at, used))) return false;
            at += used;
        }
        return _buffer.AsSpan(0, _length).SequenceEqual(other[at..]);
    }

    private void CopyTo(Span<byte> target)
    {
        var at = 0;
        foreach (var (chunk, used, _) in _filled ?? [])
        {
            chunk.AsSpan(0, used).CopyTo(target[at..]);
            at += used;
        }
        _buffer.AsSpan(0, _length).CopyTo(target[at..]);
    }

    /// <summary>Gives pooled chunks back and empties the writer, for a writer whose bytes are no longer needed.</summary>
    internal void Release()
    {
        foreach (var (chunk, _, pooled) in _filled ?? [])
            if (pooled) ArrayPool<byte>.Shared.Return(chunk);
        if (_pooled) ArrayPool<byte>.Shared.Return(_buffer);
        (_buffer, _length, _pooled, _filled, _filledBytes) = ([], 0, false, null, 0);
    }

    // The check inlined into every write; growing, rare, stays out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length) Grow(extra);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int extra)
    {
        if (_buffer.Length < ChunkBytes && _length + extra <= ChunkBytes)
        {
            var bigger = new byte[Math.Min(ChunkBytes, Math.Max(_buffer.Length * 2, _length + extra))];
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _length);
            _buffer = bigger;
            return;
        }
        // One write needs contiguous room (a long string's UTF-8): one larger than a chunk gets a
        // chunk of its own size, not pooled.
        (_filled ??= []).Add((_buffer, _length, _pooled));
        _filledBytes += _length;
        _pooled = extra <= ChunkBytes;
        _buffer = _pooled ? ArrayPool<byte>.Shared.Rent(ChunkBytes) : GC.AllocateUninitializedArray<byte>(extra);
        _length = 0;
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
        while (_length + bytes.Length > _buffer.Length && _length + bytes.Length > ChunkBytes)
        {
            // Fill the chunk, go on in the next: a large copy needs no contiguous room.
            var fits = _buffer.Length - _length;
            bytes[..fits].CopyTo(_buffer.AsSpan(_length));
            _length += fits;
            bytes = bytes[fits..];
            Grow(Math.Min(bytes.Length, ChunkBytes));
        }
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
