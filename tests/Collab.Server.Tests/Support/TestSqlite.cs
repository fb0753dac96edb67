using Collab.Server.Storage.Sqlite;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A fresh SQLite database file in its own temporary folder, for tests of the SQLite stores.
/// Disposing closes the pooled connections (they hold the file open) and deletes the folder.
/// </summary>
public sealed class TestSqlite : IDisposable
{
    private readonly string _directory;

    public TestSqlite(string prefix)
    {
        _directory = Directory.CreateTempSubdirectory($"collab-{prefix}-").FullName;
        Database = new SqliteDatabase(Path.Combine(_directory, "collab.db"));
    }

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
