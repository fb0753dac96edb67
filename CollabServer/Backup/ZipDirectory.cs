using System.Buffers.Binary;
using Collab.Server.Limits;

namespace Collab.Server.Backup;

/// <summary>
/// Counts a zip's central directory headers before <see cref="System.IO.Compression.ZipArchive"/>
/// parses them: it builds an object per header before checking anything, so a small archive of
/// millions of empty entries would cost gigabytes. Walks the headers the way it does (from the
/// offset the end record gives, while the signature matches), so the count is the one it would see.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint HeaderSignature = 0x02014b50;
    private const int EndSize = 22;
    private const int HeaderSize = 46;

    /// <summary>Throws <see cref="LimitExceededException"/> past <paramref name="maxEntries"/>, <see cref="InvalidDataException"/> for a non-zip.</summary>
    public static void CheckEntryCount(Stream zip, int maxEntries)
    {
        var end = ReadEnd(zip);
        var declared = BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(10));
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(end.AsSpan(16));
        // Zip64 markers: legitimate backups never need them (they are far below 65535 entries and 4 GiB).
        if (declared == ushort.MaxValue || offset == uint.MaxValue || BinaryPrimitives.ReadUInt16LittleEndian(end.AsSpan(4)) == ushort.MaxValue)
            throw new LimitExceededException($"Zip64 archives are not accepted (Backup:MaxEntries is {maxEntries}).");
        if (declared > maxEntries) throw TooMany(maxEntries);
        var header = new byte[HeaderSize];
        var count = 0;
        for (long at = offset; at + HeaderSize <= zip.Length; count++)
        {
            zip.Position = at;
            zip.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != HeaderSignature) break;
            if (count == maxEntries) throw TooMany(maxEntries);
            at += HeaderSize + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28))
                + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(30)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(32));
        }
        zip.Position = 0;
    }

    /// <summary>The end-of-central-directory record, found backwards past an archive comment of up to 64 KiB.</summary>
    private static byte[] ReadEnd(Stream zip)
    {
        var tail = (int)Math.Min(zip.Length, EndSize + ushort.MaxValue);
        if (tail < EndSize) throw new InvalidDataException("Not a zip archive: it is too short.");
        var buffer = new byte[tail];
        zip.Position = zip.Length - tail;
        zip.ReadExactly(buffer);
        for (var i = tail - EndSize; i >= 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) == EndSignature) return buffer[i..(i + EndSize)];
        throw new InvalidDataException("Not a zip archive: no end of central directory.");
    }

    private static LimitExceededException TooMany(int maxEntries) =>
        new($"The archive has more than Backup:MaxEntries ({maxEntries}) entries.");
}
