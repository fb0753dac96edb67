using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresStoreMaintenance(NpgsqlDataSource db) : IStoreMaintenance
{
    public string Backend => "postgres";

    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await PostgresSchemaLock.ApplyAsync(db, """
            CREATE TABLE IF NOT EXISTS projects (
                id text PRIMARY KEY,
                name text NOT NULL,
                created_at timestamptz NOT NULL,
                incarnation text);
            -- Tells a project from an earlier one with the same id (its audit entries stay out of sight);
            -- projects made before incarnations existed get one here.
            ALTER TABLE projects ADD COLUMN IF NOT EXISTS incarnation text;
            UPDATE projects SET incarnation = replace(gen_random_uuid()::text, '-', '') WHERE incarnation IS NULL;
            CREATE TABLE IF NOT EXISTS project_members (
                project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                user_id text NOT NULL,
                role text NOT NULL CHECK (role IN ('viewer','editor','owner')),
                PRIMARY KEY (project_id, user_id));
            CREATE INDEX IF NOT EXISTS project_members_user ON project_members(user_id);
            CREATE TABLE IF NOT EXISTS notebooks (
                project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                name text NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (project_id, name));
            CREATE TABLE IF NOT EXISTS doc_updates (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                project_id text NOT NULL,
                doc_name text NOT NULL,
                data bytea NOT NULL);
            CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates(project_id, doc_name, seq);
            CREATE TABLE IF NOT EXISTS doc_snapshots (
                project_id text NOT NULL,
                doc_name text NOT NULL,
                upto_seq bigint NOT NULL,
                data bytea NOT NULL,
                PRIMARY KEY (project_id, doc_name));
            """, ct);
    }

    public async Task PingAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.Command("SELECT 1").ExecuteScalarAsync(ct);
    }
}
