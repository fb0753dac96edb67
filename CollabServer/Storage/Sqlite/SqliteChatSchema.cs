using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

/// <summary>Chat tables in the embedded SQLite file, with an FTS5 index kept in step by triggers.</summary>
public sealed class SqliteChatSchema(SqliteDatabase db) : IStoreSchemaContributor
{
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await AllowInterruptedStateAsync(ct);
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            CREATE TABLE IF NOT EXISTS chat_messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                project_id TEXT NOT NULL,
                author_id TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                edited_at INTEGER,
                deleted_at INTEGER,
                deleted_by TEXT,
                reply_to INTEGER,
                cell_notebook TEXT,
                cell_id TEXT,
                state TEXT NOT NULL CHECK (state IN ('streaming','complete','failed','interrupted')),
                mentions TEXT NOT NULL,
                touched_at INTEGER);
            CREATE INDEX IF NOT EXISTS chat_messages_project ON chat_messages(project_id, id);
            -- The stream watchdog looks for open messages often; there are only ever a few.
            CREATE INDEX IF NOT EXISTS chat_messages_streaming ON chat_messages(id) WHERE state = 'streaming';
            CREATE TABLE IF NOT EXISTS chat_mentions (
                project_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                message_id INTEGER NOT NULL,
                PRIMARY KEY (project_id, user_id, message_id));
            CREATE INDEX IF NOT EXISTS chat_mentions_message ON chat_mentions(message_id);
            CREATE TABLE IF NOT EXISTS chat_read_markers (
                project_id TEXT NOT NULL,
                user_id TEXT NOT NULL,
                last_read_id INTEGER NOT NULL,
                PRIMARY KEY (project_id, user_id));
            CREATE TABLE IF NOT EXISTS chat_settings (
                project_id TEXT PRIMARY KEY,
                viewers_can_post INTEGER NOT NULL);
            -- unicode61 splits on everything but letters and digits, as the query side does.
            CREATE VIRTUAL TABLE IF NOT EXISTS chat_messages_fts USING fts5(
                body, content='chat_messages', content_rowid='id', tokenize='unicode61');
            CREATE TRIGGER IF NOT EXISTS chat_messages_fts_insert AFTER INSERT ON chat_messages BEGIN
                INSERT INTO chat_messages_fts(rowid, body) VALUES (new.id, new.body);
            END;
            CREATE TRIGGER IF NOT EXISTS chat_messages_fts_delete AFTER DELETE ON chat_messages BEGIN
                INSERT INTO chat_messages_fts(chat_messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
            END;
            CREATE TRIGGER IF NOT EXISTS chat_messages_fts_update AFTER UPDATE OF body ON chat_messages BEGIN
                INSERT INTO chat_messages_fts(chat_messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
                INSERT INTO chat_messages_fts(rowid, body) VALUES (new.id, new.body);
            END;
            -- The project store deletes its own tables only; chat goes with the project here
            -- (PostgreSQL does the same with ON DELETE CASCADE).
            CREATE TRIGGER IF NOT EXISTS chat_project_deleted AFTER DELETE ON projects BEGIN
                DELETE FROM chat_messages WHERE project_id = old.id;
                DELETE FROM chat_mentions WHERE project_id = old.id;
                DELETE FROM chat_read_markers WHERE project_id = old.id;
                DELETE FROM chat_settings WHERE project_id = old.id;
            END;
            """).ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Tables made before the <c>interrupted</c> state and the stream heartbeat: the column is
    /// added, and the CHECK widened in place. That edit of the stored schema is the one SQLite
    /// documents as safe for constraints every existing row already meets (no data changes), and it
    /// avoids copying the table. The connection is dropped after, so none keeps the old schema.
    /// </summary>
    private async Task AllowInterruptedStateAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        const string TableSql = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'chat_messages'";
        if (await connection.Command(TableSql).ExecuteScalarAsync(ct) is null) return;
        if (await connection.Command("SELECT 1 FROM pragma_table_info('chat_messages') WHERE name = 'touched_at'").ExecuteScalarAsync(ct) is null)
            await connection.Command("ALTER TABLE chat_messages ADD COLUMN touched_at INTEGER").ExecuteNonQueryAsync(ct);
        var sql = (string)(await connection.Command(TableSql).ExecuteScalarAsync(ct))!;
        if (sql.Contains("'interrupted'", StringComparison.Ordinal)) return;
        var version = (long)(await connection.Command("PRAGMA schema_version").ExecuteScalarAsync(ct))!;
        await using (var tx = connection.BeginTransaction())
        {
            await tx.Command("PRAGMA writable_schema = ON").ExecuteNonQueryAsync(ct);
            await tx.Command("UPDATE sqlite_master SET sql = $sql WHERE type = 'table' AND name = 'chat_messages'",
                ("$sql", sql.Replace("'complete','failed')", "'complete','failed','interrupted')", StringComparison.Ordinal))).ExecuteNonQueryAsync(ct);
            await tx.Command($"PRAGMA schema_version = {version + 1}").ExecuteNonQueryAsync(ct);
            await tx.Command("PRAGMA writable_schema = OFF").ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }
        SqliteConnection.ClearPool(connection);
    }
}
