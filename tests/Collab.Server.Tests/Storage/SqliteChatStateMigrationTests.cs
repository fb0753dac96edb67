using Collab.Server.Chat;
using Collab.Server.Projects;
using Collab.Server.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Tests.Storage;

/// <summary>A chat table written before the <c>interrupted</c> state and the stream heartbeat takes both, keeping its messages and search.</summary>
public sealed class SqliteChatStateMigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("collab-sqlite-chat-").FullName;

    [Fact]
    public async Task An_old_streaming_message_can_be_interrupted_after_the_upgrade()
    {
        var path = Path.Combine(_directory, "collab.db");
        var db = new SqliteDatabase(path);
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        await new SqliteProjectStore(db).CreateAsync(new ProjectInfo("p", "P", DateTimeOffset.UtcNow), "olivia");
        await using (var old = await db.OpenAsync(CancellationToken.None))
        {
            // The earlier table: three states, no touched_at (its search index as it was kept).
            await old.Command("""
                CREATE TABLE chat_messages (
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
                    state TEXT NOT NULL CHECK (state IN ('streaming','complete','failed')),
                    mentions TEXT NOT NULL);
                CREATE VIRTUAL TABLE chat_messages_fts USING fts5(body, content='chat_messages', content_rowid='id', tokenize='unicode61');
                CREATE TRIGGER chat_messages_fts_insert AFTER INSERT ON chat_messages BEGIN
                    INSERT INTO chat_messages_fts(rowid, body) VALUES (new.id, new.body);
                END;
                INSERT INTO chat_messages (project_id, author_id, body, created_at, state, mentions)
                    VALUES ('p', 'copilot', 'Partial answer about GPUs', 0, 'streaming', '');
                """).ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        await new SqliteChatSchema(db).EnsureSchemaAsync();
        await new SqliteChatSchema(db).EnsureSchemaAsync(); // every start runs it
        var store = new SqliteChatStore(db);
        var interrupted = Assert.Single(await store.InterruptStaleAsync(DateTimeOffset.UtcNow, " [interrupted]"));
        Assert.Equal((ChatMessageState.Interrupted, "Partial answer about GPUs [interrupted]"), (interrupted.State, interrupted.Body));
        await using (var check = await db.OpenAsync(CancellationToken.None))
            await Assert.ThrowsAsync<SqliteException>(() => check.Command("UPDATE chat_messages SET state = 'bogus'").ExecuteNonQueryAsync());
        var added = await store.AddAsync(new NewChatMessage("p", "olivia", "GPUs again", DateTimeOffset.UtcNow, null, null, ChatMessageState.Complete, []), []);
        Assert.Equal(2, (await store.SearchAsync("p", "GPUs", 10)).Count);
        Assert.NotNull(added);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
