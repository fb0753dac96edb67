namespace Collab.Server.Backup.S3;

/// <summary>A whole-database copy taken while the server runs, and its way back.</summary>
public interface IDatabaseDump
{
    /// <summary>The object name's extension: ".sqlite" or ".pgdump".</summary>
    string Extension { get; }

    /// <summary>Writes a consistent copy of the whole database to <paramref name="file"/> (which must not exist).</summary>
    Task DumpAsync(string file, CancellationToken ct);

    /// <summary>Restores <paramref name="file"/>; <paramref name="target"/> as the restore command takes it (see the implementations).</summary>
    Task<string> RestoreAsync(string file, string? target, CancellationToken ct);
}
