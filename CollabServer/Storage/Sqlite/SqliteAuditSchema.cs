using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

/// <summary>The audit table in the embedded SQLite file; triggers make it append-only.</summary>
public sealed class SqliteAuditSchema(SqliteDatabase db) : IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        await AddIncarnationAsync(tx, ct);
        await tx.Command("""
            CREATE TABLE IF NOT EXISTS audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                project_id TEXT NOT NULL,
                at INTEGER NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT,
                detail TEXT,
                once_key TEXT UNIQUE,
                incarnation TEXT);
            CREATE INDEX IF NOT EXISTS audit_log_project ON audit_log(project_id, id);
            CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
                SELECT RAISE(ABORT, 'audit_log is append-only');
            END;
            """).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Entries written before incarnations existed: those from the project's latest creation (or
    /// import) on belong to the project as it is now; older ones, and those of deleted projects,
    /// to none, so nobody lists them again. The update trigger is lifted for this one statement
    /// only, inside the transaction that puts it back.
    /// </summary>
    private static async Task AddIncarnationAsync(SqliteTransaction tx, CancellationToken ct)
    {
        if (await tx.Command("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").ExecuteScalarAsync(ct) is null
            || await tx.Command("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'incarnation'").ExecuteScalarAsync(ct) is not null) return;
        await tx.Command("""
            ALTER TABLE audit_log ADD COLUMN incarnation TEXT;
            DROP TRIGGER IF EXISTS audit_log_no_update;
            UPDATE audit_log SET incarnation = (SELECT p.incarnation FROM projects p WHERE p.id = audit_log.project_id)
            WHERE id >= coalesce((SELECT max(s.id) FROM audit_log s
                WHERE s.project_id = audit_log.project_id AND s.action IN ('project.create', 'project.import')), 0);
            """).ExecuteNonQueryAsync(ct);
    }
}
