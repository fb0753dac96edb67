namespace Collab.Server.Storage.Sqlite;

/// <summary>The audit table in the embedded SQLite file; triggers make it append-only.</summary>
public sealed class SqliteAuditSchema(SqliteDatabase db) : IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                project_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT,
                detail TEXT,
                once_key TEXT UNIQUE);
            CREATE INDEX IF NOT EXISTS audit_log_project ON audit_log(project_id, id);
            CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            """).ExecuteNonQueryAsync(ct);
    }
}
