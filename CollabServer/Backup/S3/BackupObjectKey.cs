using System.Globalization;

namespace Collab.Server.Backup.S3;

/// <summary>
/// How backups are named in the bucket: <c>{prefix}projects/{projectId}/{stamp}.zip</c> and
/// <c>{prefix}database/{stamp}.sqlite|.pgdump</c>, with <c>.aesgcm</c> appended when encrypted
/// here. The stamp (UTC, to the millisecond) sorts by time and is what retention reads; objects
/// whose names do not parse are never deleted.
/// </summary>
public sealed record BackupObjectKey(string Series, DateTimeOffset Time, string Extension, bool Encrypted)
{
    public const string EncryptedSuffix = ".aesgcm";
    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public static string ProjectSeries(string prefix, string projectId) => $"{prefix}projects/{projectId}/";

    public static string DatabaseSeries(string prefix) => $"{prefix}database/";

    public string Key => $"{Series}{Time.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}{Extension}{(Encrypted ? EncryptedSuffix : "")}";

    public bool IsDatabase => Extension != ".zip";

    public static BackupObjectKey? TryParse(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = key[(slash + 1)..];
        var encrypted = name.EndsWith(EncryptedSuffix, StringComparison.Ordinal);
        if (encrypted) name = name[..^EncryptedSuffix.Length];
        var dot = name.IndexOf('.');
        if (dot < 0 || !DateTime.TryParseExact(name[..dot], StampFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            return null;
        return new BackupObjectKey(key[..(slash + 1)], new DateTimeOffset(time, TimeSpan.Zero), name[dot..], encrypted);
    }
}
