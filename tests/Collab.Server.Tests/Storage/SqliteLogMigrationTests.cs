using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Tests.Storage;

/// <summary>A data directory written by an earlier version (the log in a rowid table) opens with its history intact.</summary>
public sealed class SqliteLogMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-sqlite-migrate-").FullName;

    [Fact]
    public async Task The_old_rowid_log_moves_into_the_clustered_table_with_its_seqs()
    {
        var path = Path.Combine(_directory, "collab.db");
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            // The earlier layout: one global AUTOINCREMENT seq, documents interleaved.
            await old.Command("""
                PRAGMA journal_mode=WAL;
                CREATE TABLE doc_updates (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    project_id TEXT NOT NULL,
                    doc_name TEXT NOT NULL,
                    data BLOB NOT NULL);
                CREATE INDEX doc_updates_doc ON doc_updates(project_id, doc_name, seq);
                INSERT INTO doc_updates (project_id, doc_name, data) VALUES
                    ('p', 'a', x'01'), ('p', 'b', x'02'), ('p', 'a', x'03'), ('p', 'b', x'04'), ('p', 'a', x'05');
                """).ExecuteNonQueryAsync();
        }

        var db = new SqliteDatabase(path);
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync(); // a second start leaves it alone
        await using (var migrated = await db.OpenAsync(CancellationToken.None))
        {
            var table = (string)(await migrated.Command("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'").ExecuteScalarAsync())!;
            Assert.Contains("WITHOUT ROWID", table);
        }
        var store = new SqliteDocumentStore(db);

        var a = await store.LoadAsync(new DocumentKey("p", "a"));
        Assert.Equal([1L, 3L, 5L], a.Log.Select(e => e.Seq));
        Assert.Equal([[1], [3], [5]], a.Log.Select(e => e.Update));
        Assert.Equal([2L, 4L], (await store.LoadAsync(new DocumentKey("p", "b"))).Log.Select(e => e.Seq));
        var next = await store.AppendAsync(new DocumentKey("p", "a"), [[6]]);
        Assert.Equal(new AppendedRange(5, 6), next);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
