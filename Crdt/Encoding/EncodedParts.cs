using System.Buffers;

namespace Collab.Crdt.Encoding;

/// <summary>
/// An encoding held as the chunks it was written in (each below the large object heap's threshold),
/// for a caller that sends it in parts rather than needing one array: a 10 MB document synced to a
/// joining client then costs no 10 MB array that lives until the next full collection. Some chunks
/// come from the shared array pool; <see cref="Dispose"/> gives them back once the bytes are sent.
/// Dropping it without disposing only leaves those chunks to the garbage collector.
/// </summary>
public sealed class EncodedParts : IDisposable
{
    private List<(byte[] Chunk, int Used, bool Pooled)>? _parts;

    internal EncodedParts(List<(byte[] Chunk, int Used, bool Pooled)> parts)
    {
        _parts = parts;
        foreach (var (_, used, _) in parts) Length += used;
    }

    /// <summary>Wraps a whole encoding that is already one array.</summary>
    public EncodedParts(byte[] whole) : this([(whole, whole.Length, false)]) { }

    /// <summary>Bytes in all parts together.</summary>
    public int Length { get; }

    /// <summary>The parts in order; empty once disposed.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Parts
    {
        get
        {
            foreach (var (chunk, used, _) in _parts ?? []) yield return chunk.AsMemory(0, used);
        }
    }

    /// <summary>Copies every part into one new array (for callers that need one, and for tests).</summary>
    public byte[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<byte>(Length);
        var at = 0;
        foreach (var part in Parts)
        {
            part.Span.CopyTo(result.AsSpan(at));
            at += part.Length;
        }
        return result;
    }

    /// <summary>Gives pooled chunks back; the parts must no longer be read.</summary>
    public void Dispose()
    {
        var parts = Interlocked.Exchange(ref _parts, null);
        foreach (var (chunk, _, pooled) in parts ?? [])
            if (pooled) ArrayPool<byte>.Shared.Return(chunk);
    }
}
