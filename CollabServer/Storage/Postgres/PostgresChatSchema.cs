using Npgsql;

namespace Collab.Server.Storage.Postgres;

/// <summary>Chat tables in PostgreSQL; a generated <c>tsvector</c> column with a GIN index serves search.</summary>
public sealed class PostgresChatSchema(NpgsqlDataSource db) : IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await PostgresSchemaLock.ApplyAsync(db, """
            CREATE TABLE IF NOT EXISTS chat_messages (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                author_id text NOT NULL,
                body text NOT NULL,
                created_at timestamptz NOT NULL,
                edited_at timestamptz,
                deleted_at timestamptz,
                deleted_by text,
                reply_to bigint,
                cell_notebook text,
                cell_id text,
                state text NOT NULL CHECK (state IN ('streaming','complete','failed')),
                mentions text NOT NULL,
                -- 'simple': no stemming or stop words, so any language and pasted errors match as typed.
                search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);
            CREATE INDEX IF NOT EXISTS chat_messages_project ON chat_messages(project_id, id);
            CREATE INDEX IF NOT EXISTS chat_messages_search ON chat_messages USING gin(search);
            CREATE TABLE IF NOT EXISTS chat_mentions (
                project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                user_id text NOT NULL,
                message_id bigint NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
                PRIMARY KEY (project_id, user_id, message_id));
            CREATE INDEX IF NOT EXISTS chat_mentions_message ON chat_mentions(message_id);
            CREATE TABLE IF NOT EXISTS chat_read_markers (
                project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
                user_id text NOT NULL,
                last_read_id bigint NOT NULL,
                PRIMARY KEY (project_id, user_id));
            CREATE TABLE IF NOT EXISTS chat_settings (
                project_id text PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
                viewers_can_post boolean NOT NULL);
            """, ct);
    }
}
