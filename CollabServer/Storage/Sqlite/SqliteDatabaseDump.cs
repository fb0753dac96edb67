using Collab.Server.Backup.S3;
using Microsoft.Extensions.Options;

namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// SQLite: <c>VACUUM INTO</c> writes a consistent, compacted copy of the live database through a
/// read transaction, so writers go on while it runs and the copy needs no WAL beside it.
/// </summary>
public sealed class SqliteDatabaseDump(SqliteDatabase db, IOptions<StorageOptions> storage) : IDatabaseDump
{
    public string Extension => ".sqlite";

    public async Task DumpAsync(string file, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.Command("VACUUM INTO $file", ("$file", file));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Copies the dump to <paramref name="target"/>, or to the configured database file when none is
    /// given. Never over an existing file: stop the server and move the old database away first.
    /// </summary>
    public Task<string> RestoreAsync(string file, string? target, CancellationToken ct)
    {
        var path = Path.GetFullPath(target ?? storage.Value.SqlitePath);
        // An empty file is what opening the store leaves where no database was: nothing to lose.
        if (File.Exists(path) && new FileInfo(path).Length > 0)
            throw new InvalidOperationException($"{path} exists: stop the server and move it (and its -wal, -shm files) away, or pass --to another path.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(file, path, overwrite: true);
        OwnerOnlyFiles.Secure(path);
        return Task.FromResult(path);
    }
}
