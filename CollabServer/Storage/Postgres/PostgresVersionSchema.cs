using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>
/// The notebook version tables in PostgreSQL. Foreign keys take a notebook's versions and noted
/// authors with it (and so with its project, whose deletion cascades to its notebooks).
/// </summary>
public sealed class PostgresVersionSchema(NpgsqlDataSource db) : IStoreSchemaContributor
{
    public Task EnsureSchemaAsync(CancellationToken ct = default) => PostgresSchemaLock.ApplyAsync(db, """
        CREATE TABLE IF NOT EXISTS notebook_versions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            project_id text NOT NULL,
            doc_name text NOT NULL,
            created_at timestamptz NOT NULL,
            kind text NOT NULL,
            name text,
            authors text[] NOT NULL,
            seq bigint NOT NULL,
            state_bytes bigint NOT NULL,
            state bytea NOT NULL,
            FOREIGN KEY (project_id, doc_name) REFERENCES notebooks(project_id, name) ON DELETE CASCADE);
        CREATE INDEX IF NOT EXISTS notebook_versions_doc ON notebook_versions(project_id, doc_name, id);
        CREATE TABLE IF NOT EXISTS notebook_version_authors (
            project_id text NOT NULL,
            doc_name text NOT NULL,
            user_id text NOT NULL,
            PRIMARY KEY (project_id, doc_name, user_id),
            FOREIGN KEY (project_id, doc_name) REFERENCES notebooks(project_id, name) ON DELETE CASCADE);
        CREATE TABLE IF NOT EXISTS history_settings (
            project_id text PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
            owners_only_restore boolean NOT NULL);
        """, ct);
}
