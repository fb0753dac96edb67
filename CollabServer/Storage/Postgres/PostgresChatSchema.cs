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
                state text NOT NULL CHECK (state IN ('streaming','complete','failed','interrupted')),
                mentions text NOT NULL,
                touched_at timestamptz,
                -- 'simple': no stemming or stop words, so any language and pasted errors match as typed.
                search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED);
            CREATE INDEX IF NOT EXISTS chat_messages_project ON chat_messages(project_id, id);
            -- The stream watchdog looks for open messages often; there are only ever a few.
            CREATE INDEX IF NOT EXISTS chat_messages_streaming ON chat_messages(id) WHERE state = 'streaming';
            -- Tables made before the 'interrupted' state and the stream heartbeat.
            ALTER TABLE chat_messages ADD COLUMN IF NOT EXISTS touched_at timestamptz;
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'chat_messages_state_check'
                        AND pg_get_constraintdef(oid) LIKE '%interrupted%') THEN
                    ALTER TABLE chat_messages DROP CONSTRAINT IF EXISTS chat_messages_state_check;
                    ALTER TABLE chat_messages ADD CONSTRAINT chat_messages_state_check
                        CHECK (state IN ('streaming','complete','failed','interrupted'));
                END IF;
            END $$;
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
