using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>
/// The audit table in PostgreSQL. A statement trigger refuses UPDATE, DELETE and TRUNCATE, so
/// not even a bug or a stray SQL session of the application role can rewrite history. There is
/// no foreign key to projects: the entries (the deletion among them) outlive the project.
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
                once_key text UNIQUE);
            CREATE INDEX IF NOT EXISTS audit_log_project ON audit_log(project_id, id);
            CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
            CREATE OR REPLACE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
            """, ct);
    }
}
