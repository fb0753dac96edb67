using System.IO.Compression;
using Collab.Server.Limits;

namespace Collab.Server.Backup;

/// <summary>
/// An uploaded archive opened for import: entries are counted before the zip is parsed and then
/// read one at a time through <see cref="BackupEntryStream"/>, each at most
/// <c>Limits:MaxDocumentBytes</c>, all together at most <c>Backup:MaxUnpackedBytes</c>.
/// Entries of a signed archive must match the digests its manifest lists.
/// </summary>
internal sealed class BackupArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly BackupOptions _options;
    private readonly long _maxEntryBytes;
    private readonly UnpackBudget _budget;
    private IReadOnlyDictionary<string, string>? _digests;

    private BackupArchive(ZipArchive zip, BackupOptions options, long maxEntryBytes)
    {
        _zip = zip;
        _options = options;
        _maxEntryBytes = maxEntryBytes;
        _budget = new UnpackBudget(options.MaxUnpackedBytes);
    }

    /// <summary>Opens a seekable archive; <see cref="LimitExceededException"/> or <see cref="InvalidDataException"/> when it can't be.</summary>
    public static BackupArchive Open(Stream archive, BackupOptions options, long maxEntryBytes)
    {
        ZipDirectory.CheckEntryCount(archive, options.MaxEntries);
        try { return new BackupArchive(new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true), options, maxEntryBytes); }
        catch (InvalidDataException ex) { throw new InvalidDataException($"Not a zip archive: {ex.Message}"); }
    }

    public bool Has(string name) => _zip.GetEntry(name) is not null;

    /// <summary>From now on every entry read must match <paramref name="digests"/> (the archive is signed).</summary>
    public void RequireDigests(IReadOnlyDictionary<string, string> digests) => _digests = digests;

    public BackupEntryStream Open(string name)
    {
        var entry = _zip.GetEntry(name) ?? throw new InvalidDataException($"The archive has no {name}.");
        string? digest = null;
        if (_digests is not null && !_digests.TryGetValue(name, out digest))
            throw new InvalidDataException($"{name} is not among the signed manifest's digests.");
        return new BackupEntryStream(entry.Open(), name, entry.CompressedLength, _maxEntryBytes, "Limits:MaxDocumentBytes",
            _budget, _options.MaxCompressionRatio, digest);
    }

    /// <summary>The whole entry in memory (it is at most <c>Limits:MaxDocumentBytes</c>).</summary>
    public byte[] ReadAllBytes(string name)
    {
        var claimed = _zip.GetEntry(name)?.Length ?? 0;
        using var source = Open(name);
        // The header's size only sizes the buffer, never beyond the cap: the stream enforces the truth.
        using var buffer = new MemoryStream((int)Math.Clamp(claimed, 0, Math.Min(_maxEntryBytes, 16 * 1024 * 1024)));
        source.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
