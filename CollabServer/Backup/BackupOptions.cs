namespace Collab.Server.Backup;

/// <summary>
/// Bounds of project backup and import (section <c>Backup</c>). Each entry of an imported archive
/// also unpacks to at most <c>Limits:MaxDocumentBytes</c>.
/// </summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// <c>Backup:MaxArchiveBytes</c>: largest archive <c>POST /api/projects/import</c> accepts.
    /// Archives are staged in the temp folder while read.
    /// </summary>
    public long MaxArchiveBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary><c>Backup:MaxUnpackedBytes</c>: most bytes one import may unpack, all entries read together.</summary>
    public long MaxUnpackedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary><c>Backup:MaxEntries</c>: most entries an archive may have (counted before any is read).</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// <c>Backup:MaxCompressionRatio</c>: most bytes an entry may unpack to per compressed byte,
    /// checked while it unpacks, once past its first MiB (small, repetitive entries pass).
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>
    /// <c>Backup:SigningKey</c>: base64 key (at least 32 bytes) that signs backups, so members and
    /// chat authors are restored only from archives this deployment wrote. Give every replica the
    /// same one; without it a key is kept in <c>{Storage:DataDirectory}/backup-signing-key</c>.
    /// </summary>
    public string? SigningKey { get; set; }
}
