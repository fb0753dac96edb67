using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Collab.Server.Backup.S3;

/// <summary>
/// Client-side encryption of backup files with AES-256-GCM (<c>Backup:S3:EncryptionKey</c>).
/// GCM seals at most one buffer at a time, so a file is sealed in chunks of 1 MiB: a header (magic
/// and a random 8-byte nonce prefix), then per chunk a flag byte (1 on the last), its length and
/// the ciphertext with its tag. Each chunk's nonce is the prefix plus the chunk's number, and the
/// header and flag are authenticated with it, so chunks cannot be reordered, swapped between files,
/// or cut off at the end without the read failing.
/// </summary>
public sealed class BackupCipher
{
    public const int KeyBytes = 32;
    private const int ChunkBytes = 1 << 20;
    private const int TagBytes = 16;
    private static readonly byte[] Magic = "CLBKGCM1"u8.ToArray();
    private readonly byte[] _key;

    public BackupCipher(string base64Key) => _key = Convert.FromBase64String(base64Key);

    public static bool IsValidKey(string key)
    {
        var bytes = new byte[KeyBytes + 1];
        return Convert.TryFromBase64String(key, bytes, out var written) && written == KeyBytes;
    }

    public async Task EncryptAsync(Stream plain, Stream sealedOutput, CancellationToken ct)
    {
        var header = new byte[Magic.Length + 8];
        Magic.CopyTo(header, 0);
        RandomNumberGenerator.Fill(header.AsSpan(Magic.Length));
        await sealedOutput.WriteAsync(header, ct);
        using var gcm = new AesGcm(_key, TagBytes);
        var buffer = new byte[ChunkBytes];
        var spare = new byte[ChunkBytes];
        var cipher = new byte[ChunkBytes];
        var tag = new byte[TagBytes];
        var chunkHeader = new byte[5];
        uint index = 0;
        var read = await FillAsync(plain, buffer, ct);
        while (true)
        {
            // The last chunk is the one that leaves the source empty (an empty file is one empty last chunk).
            var next = read == ChunkBytes ? spare : null;
            var nextRead = next is null ? 0 : await FillAsync(plain, next, ct);
            var last = next is null || nextRead == 0;
            chunkHeader[0] = last ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt32BigEndian(chunkHeader.AsSpan(1), read);
            gcm.Encrypt(Nonce(header, index), buffer.AsSpan(0, read), cipher.AsSpan(0, read), tag, Aad(header, chunkHeader[0]));
            await sealedOutput.WriteAsync(chunkHeader, ct);
            await sealedOutput.WriteAsync(cipher.AsMemory(0, read), ct);
            await sealedOutput.WriteAsync(tag, ct);
            if (last) return;
            (buffer, spare, read) = (next!, buffer, nextRead);
            index++;
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when the input was not sealed with this key or was altered.</summary>
    public async Task DecryptAsync(Stream sealedInput, Stream plain, CancellationToken ct)
    {
        var header = new byte[Magic.Length + 8];
        if (await FillAsync(sealedInput, header, ct) != header.Length || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("Not a backup encrypted by Collab (no AES-GCM header).");
        using var gcm = new AesGcm(_key, TagBytes);
        var chunkHeader = new byte[5];
        var tag = new byte[TagBytes];
        var cipher = new byte[ChunkBytes];
        var buffer = new byte[ChunkBytes];
        for (uint index = 0; ; index++)
        {
            if (await FillAsync(sealedInput, chunkHeader, ct) != chunkHeader.Length)
                throw new InvalidDataException("The encrypted backup is cut short.");
            var length = BinaryPrimitives.ReadInt32BigEndian(chunkHeader.AsSpan(1));
            if (length is < 0 or > ChunkBytes || chunkHeader[0] > 1) throw new InvalidDataException("The encrypted backup is malformed.");
            if (await FillAsync(sealedInput, cipher.AsMemory(0, length), ct) != length || await FillAsync(sealedInput, tag, ct) != TagBytes)
                throw new InvalidDataException("The encrypted backup is cut short.");
            try
            {
                gcm.Decrypt(Nonce(header, index), cipher.AsSpan(0, length), tag, buffer.AsSpan(0, length), Aad(header, chunkHeader[0]));
            }
            catch (AuthenticationTagMismatchException)
            {
                throw new InvalidDataException("The encrypted backup does not open with Backup:S3:EncryptionKey (wrong key, or the object was altered).");
            }
            await plain.WriteAsync(buffer.AsMemory(0, length), ct);
            if (chunkHeader[0] == 1) return;
        }
    }

    private static byte[] Nonce(byte[] header, uint index)
    {
        var nonce = new byte[12];
        header.AsSpan(Magic.Length, 8).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), index);
        return nonce;
    }

    private static byte[] Aad(byte[] header, byte flag) => [.. header, flag];

    private static async Task<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken ct)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[total..], ct);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
