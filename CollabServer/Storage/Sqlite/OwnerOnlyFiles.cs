namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// The database holds every project's documents and chat: like the signing key, it is readable
/// by the server's user only (0600). SQLite gives its -wal and -shm files the mode of the
/// database, so creating that empty and owner-only first covers them; files left with wider
/// modes by earlier versions are narrowed at start.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Secure(string databasePath)
    {
        if (OperatingSystem.IsWindows()) return;
        // An empty file is an empty SQLite database.
        if (!File.Exists(databasePath))
        {
            try
            {
                using (new FileStream(databasePath, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly })) { }
            }
            catch (IOException) when (File.Exists(databasePath)) { } // another process created it first
        }
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
            if (File.Exists(file) && (File.GetUnixFileMode(file) & ~OwnerOnly) != 0) File.SetUnixFileMode(file, OwnerOnly);
    }
}
