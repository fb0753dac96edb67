using System.Security.Cryptography;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Backup;

/// <summary>
/// Signs a backup's manifest with HMAC-SHA256 under the deployment's backup key, so an import can
/// tell an archive this deployment wrote from one written or edited by anyone else.
/// </summary>
public sealed class BackupSigner(IOptions<BackupOptions> backup, IOptions<StorageOptions> storage)
{
    public const int MinKeyBytes = 32;
    private const string KeyFile = "backup-signing-key";

    private readonly Lazy<byte[]> _key = new(() => Resolve(backup.Value, storage.Value));

    public string Sign(ReadOnlySpan<byte> manifest) => Convert.ToBase64String(HMACSHA256.HashData(_key.Value, manifest));

    public bool Verifies(ReadOnlySpan<byte> manifest, string signature)
    {
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var length) || length != given.Length) return false;
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key.Value, manifest), given);
    }

    /// <summary>True when <paramref name="value"/> is a usable <c>Backup:SigningKey</c>.</summary>
    public static bool IsValidKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length >= MinKeyBytes;
    }

    private static byte[] Resolve(BackupOptions backup, StorageOptions storage)
    {
        if (!string.IsNullOrEmpty(backup.SigningKey)) return Convert.FromBase64String(backup.SigningKey);
        var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), KeyFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            try
            {
                // Created 0600 in one step: the key is never readable by others, not even briefly.
                var mode = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) mode.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var file = new FileStream(path, mode);
                file.Write(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes))));
            }
            catch (IOException) when (File.Exists(path)) { } // another process created it first
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
