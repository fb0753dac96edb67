using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>
/// The audit table in PostgreSQL. A statement trigger refuses UPDATE, DELETE and TRUNCATE, so
/// not even a bug or a stray SQL session of the application role can rewrite history. There is
/// no foreign key to projects: the entries (the deletion among them) outlive the project, but
/// each carries the project's incarnation and is listed only for it (see <see cref="ProjectIncarnation"/>).
/// </summary>
public sealed class PostgresAuditSchema(NpgsqlDataSource db) : IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await PostgresSchemaLock.ApplyAsync(db, """
            CREATE TABLE IF NOT EXISTS audit_log (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                project_id text NOT NULL,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                target text,
                detail text,
                once_key text UNIQUE,
                incarnation text);
            CREATE INDEX IF NOT EXISTS audit_log_project ON audit_log(project_id, id);
            CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
            CREATE OR REPLACE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
            -- Entries from before incarnations: those from the project's latest creation (or import) on
            -- belong to it as it is now; older ones, and those of deleted projects, to none. The trigger
            -- is lifted inside this transaction only (ALTER TABLE locks the table meanwhile).
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = 'audit_log' AND column_name = 'incarnation') THEN
                    ALTER TABLE audit_log ADD COLUMN incarnation text;
                    ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
                    UPDATE audit_log a SET incarnation = p.incarnation FROM projects p
                    WHERE p.id = a.project_id AND a.id >= coalesce((SELECT max(s.id) FROM audit_log s
                        WHERE s.project_id = a.project_id AND s.action IN ('project.create', 'project.import')), 0);
                    ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
                END IF;
            END $$;
            """, ct);
    }
}
