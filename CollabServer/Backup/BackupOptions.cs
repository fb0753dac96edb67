namespace Collab.Server.Backup;

/// <summary>Bounds of project backup and import (section <c>Backup</c>).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// <c>Backup:MaxArchiveBytes</c>: largest archive <c>POST /api/projects/import</c> accepts, and
    /// the most any one entry may unpack to. Archives are staged in the temp folder while read.
    /// </summary>
    public long MaxArchiveBytes { get; set; } = 256L * 1024 * 1024;
}
