using System.Security.Cryptography;
using Collab.Server.Limits;

namespace Collab.Server.Backup;

/// <summary>
/// One archive entry as it unpacks, refused the moment it passes its own cap, the import's total
/// (<see cref="UnpackBudget"/>) or the compression ratio; these are checked on the bytes actually
/// produced, not on the sizes the zip headers claim. When the archive is signed, the entry's
/// SHA-256 is checked against the signed manifest once it has been read to the end.
/// </summary>
internal sealed class BackupEntryStream(
    Stream inner, string name, long compressedBytes, long maxBytes, string maxBytesSetting,
    UnpackBudget budget, int maxRatio, string? expectedSha256) : Stream
{
    // Below this, ratio is not judged: short repetitive entries (indented JSON) compress very well.
    private const long RatioGraceBytes = 1024 * 1024;

    private readonly IncrementalHash? _hash = expectedSha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    public string Name => name;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var read = await inner.ReadAsync(buffer, ct);
        Count(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    /// <summary>Reads whatever is left (trailing whitespace after a JSON document), so the digest covers it all.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (await ReadAsync(buffer, ct) > 0) { }
    }

    private void Count(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            Verify();
            return;
        }
        _read += chunk.Length;
        if (_read > maxBytes) throw new LimitExceededException($"{name} unpacks to more than {maxBytesSetting} ({maxBytes} bytes).");
        budget.Take(chunk.Length);
        if (_read > RatioGraceBytes && _read > Math.Max(compressedBytes, 1) * maxRatio)
            throw new LimitExceededException($"{name} unpacks to more than Backup:MaxCompressionRatio ({maxRatio}) times its compressed size.");
        _hash?.AppendData(chunk);
    }

    private void Verify()
    {
        if (_hash is null || _verified) return;
        _verified = true;
        if (!Convert.ToHexStringLower(_hash.GetHashAndReset()).Equals(expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{name} was changed after the archive was signed; remove {BackupManifest.SignatureEntryName} to import it unsigned.");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash?.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
