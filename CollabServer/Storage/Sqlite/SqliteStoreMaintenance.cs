namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteStoreMaintenance(SqliteDatabase db) : IStoreMaintenance
{
    public string Backend => "sqlite";

    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        // WAL is a property of the file, so setting it once here covers every later connection.
        await connection.Command("PRAGMA journal_mode=WAL;").ExecuteNonQueryAsync(ct);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS projects (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS project_members (
                project_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('viewer','editor','owner')),
                PRIMARY KEY (project_id, user_id));
            CREATE INDEX IF NOT EXISTS project_members_user ON project_members(user_id);
            CREATE TABLE IF NOT EXISTS notebooks (
                project_id TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (project_id, name));
            CREATE TABLE IF NOT EXISTS doc_updates (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                project_id TEXT NOT NULL,
                doc_name TEXT NOT NULL,
                data BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates(project_id, doc_name, seq);
            CREATE TABLE IF NOT EXISTS doc_snapshots (
                project_id TEXT NOT NULL,
                doc_name TEXT NOT NULL,
                upto_seq INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (project_id, doc_name));
            """).ExecuteNonQueryAsync(ct);
    }

    public async Task PingAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("SELECT 1").ExecuteScalarAsync(ct);
    }
}
