using System.IO.Compression;

namespace Collab.Server.History;

/// <summary>
/// A version keeps the whole Yjs state, not a delta: Yjs garbage-collects deleted content, so a
/// chain of deltas could not be replayed into an old notebook. Brotli shrinks the mostly-text
/// state several times over; the fastest level keeps the cost on the writer small.
/// </summary>
public static class VersionState
{
    public static byte[] Compress(byte[] state)
    {
        using var output = new MemoryStream(state.Length / 3 + 64);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true)) brotli.Write(state);
        return output.ToArray();
    }

    public static byte[] Decompress(byte[] compressed)
    {
        using var input = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        input.CopyTo(output);
        return output.ToArray();
    }
}
