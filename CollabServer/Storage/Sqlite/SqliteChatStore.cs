using Collab.Server.Chat;
using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage.Sqlite;

public sealed class SqliteChatStore(SqliteDatabase db) : IChatStore
{
    public async Task<ChatMessage?> AddAsync(NewChatMessage message, IReadOnlyList<string> notify, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var id = await tx.Command("""
            INSERT INTO chat_messages (project_id, author_id, body, created_at, reply_to, cell_notebook, cell_id, state, mentions)
            SELECT $p, $a, $b, $t, $r, $cn, $ci, $s, $m
            WHERE $r IS NULL OR EXISTS (SELECT 1 FROM chat_messages WHERE id = $r AND project_id = $p)
            RETURNING id
            """,
            ("$p", message.ProjectId), ("$a", message.Author), ("$b", message.Body), ("$t", message.CreatedAt.ToUnixTimeMilliseconds()),
            ("$r", message.ReplyTo), ("$cn", message.Cell?.Notebook), ("$ci", message.Cell?.CellId),
            ("$s", message.State.ToStored()), ("$m", ChatMentions.Join(message.Mentions))).ExecuteScalarAsync(ct);
        if (id is null) return null;
        await InsertMentionsAsync(tx, message.ProjectId, (long)id, notify, ct);
        await tx.CommitAsync(ct);
        return new ChatMessage((long)id, message.ProjectId, message.Author, message.Body,
            DateTimeOffset.FromUnixTimeMilliseconds(message.CreatedAt.ToUnixTimeMilliseconds()), null, null, null,
            message.ReplyTo, message.Cell, message.State, message.Mentions);
    }

    public async Task<ChatMessage?> GetAsync(string projectId, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await SingleAsync(connection.Command(ChatSql.Get, ("$1", projectId), ("$2", id)), ct);
    }

    public async Task<ChatMessage?> EditAsync(string projectId, long id, string body, IReadOnlyList<string> mentions,
        IReadOnlyList<string> notify, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var edited = await SingleAsync(tx.Command(ChatSql.Edit,
            ("$1", projectId), ("$2", id), ("$3", body), ("$4", ChatMentions.Join(mentions)), ("$5", at.ToUnixTimeMilliseconds())), ct);
        if (edited is null) return null;
        await tx.Command(ChatSql.DeleteMentions, ("$1", id)).ExecuteNonQueryAsync(ct);
        await InsertMentionsAsync(tx, projectId, id, notify, ct);
        await tx.CommitAsync(ct);
        return edited;
    }

    public async Task<ChatMessage?> DeleteAsync(string projectId, long id, string deletedBy, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        var deleted = await SingleAsync(tx.Command(ChatSql.Delete,
            ("$1", projectId), ("$2", id), ("$3", deletedBy), ("$4", at.ToUnixTimeMilliseconds())), ct);
        if (deleted is null)
        {
            return await SingleAsync(tx.Command(ChatSql.Get, ("$1", projectId), ("$2", id)), ct);
        }
        await tx.Command(ChatSql.DeleteMentions, ("$1", id)).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    public async Task<ChatMessage?> AppendAsync(string projectId, long id, string chunk, int maxBodyChars, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await SingleAsync(connection.Command(ChatSql.AppendChunk,
            ("$1", projectId), ("$2", id), ("$3", chunk), ("$4", maxBodyChars)), ct);
    }

    public async Task<ChatMessage?> CloseAsync(string projectId, long id, ChatMessageState state, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await SingleAsync(connection.Command(ChatSql.Close, ("$1", projectId), ("$2", id), ("$3", state.ToStored())), ct);
    }

    public async Task TouchAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct = default)
    {
        if (ids.Count == 0) return;
        await using var connection = await db.OpenAsync(ct);
        await connection.Command("""
            UPDATE chat_messages SET touched_at = $at WHERE state = 'streaming' AND id IN (SELECT value FROM json_each($ids))
            """, ("$at", at.ToUnixTimeMilliseconds()), ("$ids", $"[{string.Join(',', ids)}]")).ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ChatMessage>> InterruptStaleAsync(DateTimeOffset touchedBefore, string note, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ListAsync(connection.Command(ChatSql.InterruptStale, ("$1", touchedBefore.ToUnixTimeMilliseconds()), ("$2", note)), ct);
    }

    public async Task<ChatPage> PageAsync(string projectId, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var newestFirst = await ListAsync(connection.Command(ChatSql.Page,
            ("$1", projectId), ("$2", before ?? long.MaxValue), ("$3", limit + 1)), ct);
        return ChatPages.FromNewestFirst(newestFirst, limit);
    }

    public async Task<IReadOnlyList<ChatMessage>> ListAfterAsync(string projectId, long after, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ListAsync(connection.Command(ChatSql.ListAfter, ("$1", projectId), ("$2", after), ("$3", limit)), ct);
    }

    public async Task<IReadOnlyList<ChatMessage>> SearchAsync(string projectId, string query, int limit, CancellationToken ct = default)
    {
        var words = ChatSearchWords.Split(query);
        if (words.Count == 0) return [];
        // Each word quoted, so FTS5 operators and punctuation in a pasted error are taken literally.
        var match = string.Join(' ', words.Select(w => '"' + w.Replace("\"", "\"\"") + '"'));
        await using var connection = await db.OpenAsync(ct);
        return await ListAsync(connection.Command($"""
            SELECT {ChatSql.PrefixedColumns}
            FROM chat_messages_fts f JOIN chat_messages m ON m.id = f.rowid
            WHERE chat_messages_fts MATCH $q AND m.project_id = $p AND m.deleted_at IS NULL
            ORDER BY m.id DESC LIMIT $n
            """, ("$q", match), ("$p", projectId), ("$n", limit)), ct);
    }

    public async Task<long> MarkReadAsync(string projectId, string userId, long lastReadId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return (long)(await connection.Command("""
            INSERT INTO chat_read_markers (project_id, user_id, last_read_id)
            VALUES ($p, $u, max(0, min($id, (SELECT COALESCE(MAX(id), 0) FROM chat_messages WHERE project_id = $p))))
            ON CONFLICT (project_id, user_id) DO UPDATE SET last_read_id = max(last_read_id, excluded.last_read_id)
            RETURNING last_read_id
            """, ("$p", projectId), ("$u", userId), ("$id", lastReadId)).ExecuteScalarAsync(ct))!;
    }

    public async Task<ChatUnread> GetUnreadAsync(string projectId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var reader = await connection.Command(ChatSql.Unread, ("$1", projectId), ("$2", userId)).ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ChatUnread(projectId, reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    public async Task<IReadOnlyList<ChatMessage>> ListUnreadMentionsAsync(string projectId, string userId, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ListAsync(connection.Command(ChatSql.UnreadMentions, ("$1", projectId), ("$2", userId), ("$3", limit)), ct);
    }

    public async Task<ChatSettings> GetSettingsAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var value = await connection.Command(ChatSql.Settings, ("$1", projectId)).ExecuteScalarAsync(ct);
        return value is null ? ChatSettings.Default : new ChatSettings(ViewersCanPost: (long)value != 0);
    }

    public async Task SetSettingsAsync(string projectId, ChatSettings settings, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.Command(ChatSql.SaveSettings, ("$1", projectId), ("$2", settings.ViewersCanPost ? 1 : 0)).ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertMentionsAsync(SqliteTransaction tx, string projectId, long id, IReadOnlyList<string> notify, CancellationToken ct)
    {
        foreach (var userId in notify)
        {
            await tx.Command("INSERT OR IGNORE INTO chat_mentions (project_id, user_id, message_id) VALUES ($p, $u, $id)",
                ("$p", projectId), ("$u", userId), ("$id", id)).ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<ChatMessage?> SingleAsync(SqliteCommand command, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }
    }

    private static async Task<List<ChatMessage>> ListAsync(SqliteCommand command, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var list = new List<ChatMessage>();
            while (await reader.ReadAsync(ct)) list.Add(Read(reader));
            return list;
        }
    }

    private static ChatMessage Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.ReadTime(4),
        r.IsDBNull(5) ? null : r.ReadTime(5),
        r.IsDBNull(6) ? null : r.ReadTime(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt64(8),
        r.IsDBNull(9) ? null : new NotebookCellRef(r.GetString(9), r.GetString(10)),
        ChatMessageStates.Parse(r.GetString(11)),
        ChatMentions.Split(r.GetString(12)));
}
