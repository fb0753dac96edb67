using System.Security.Cryptography;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Server.Auth;

/// <summary>
/// The HS256 key: the configured <c>Auth:SigningKey</c>, or in dev mode a random key kept in
/// <c>{Storage:DataDirectory}/dev-signing-key</c> so tokens survive restarts.
/// </summary>
public sealed class SigningKeyProvider(IOptions<AuthOptions> auth, IOptions<StorageOptions> storage)
{
    private readonly Lazy<SymmetricSecurityKey?> _key = new(() => Resolve(auth.Value, storage.Value));

    public SymmetricSecurityKey? Key => _key.Value;

    private static SymmetricSecurityKey? Resolve(AuthOptions auth, StorageOptions storage)
    {
        if (!string.IsNullOrEmpty(auth.SigningKey)) return new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(auth.SigningKey));
        if (!auth.DevMode) return null;
        var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), "dev-signing-key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                file.Write(System.Text.Encoding.ASCII.GetBytes(fresh));
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            catch (IOException) when (File.Exists(path)) { } // another process created it first
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }
}
