namespace Collab.Server.Storage.Sqlite;

/// <summary>
/// The notebook version tables in the embedded SQLite file. The file has no foreign keys, so
/// triggers take a notebook's versions (and its noted authors) with it, and a project's settings.
/// </summary>
public sealed class SqliteVersionSchema(SqliteDatabase db) : IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS notebook_versions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                project_id TEXT NOT NULL,
                doc_name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                kind TEXT NOT NULL,
                name TEXT,
                authors TEXT NOT NULL,
                seq INTEGER NOT NULL,
                state_bytes INTEGER NOT NULL,
                state BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS notebook_versions_doc ON notebook_versions(project_id, doc_name, id);
            CREATE TABLE IF NOT EXISTS notebook_version_authors (
                project_id TEXT NOT NULL,
                doc_name TEXT NOT NULL,
                user_id TEXT NOT NULL,
                PRIMARY KEY (project_id, doc_name, user_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS history_settings (
                project_id TEXT PRIMARY KEY,
                owners_only_restore INTEGER NOT NULL);
            CREATE TRIGGER IF NOT EXISTS notebook_versions_follow_notebook AFTER DELETE ON notebooks BEGIN
                DELETE FROM notebook_versions WHERE project_id = old.project_id AND doc_name = old.name;
                DELETE FROM notebook_version_authors WHERE project_id = old.project_id AND doc_name = old.name;
            END;
            CREATE TRIGGER IF NOT EXISTS history_settings_follow_project AFTER DELETE ON projects BEGIN
                DELETE FROM history_settings WHERE project_id = old.id;
            END;
            """).ExecuteNonQueryAsync(ct);
    }
}
