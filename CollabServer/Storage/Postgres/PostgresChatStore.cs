using Collab.Server.Chat;
using Npgsql;

namespace Collab.Server.Storage.Postgres;

public sealed class PostgresChatStore(NpgsqlDataSource db) : IChatStore
{
    public async Task<ChatMessage?> AddAsync(NewChatMessage message, IReadOnlyList<string> notify, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var added = await SingleAsync(tx.Command($"""
            INSERT INTO chat_messages (project_id, author_id, body, created_at, reply_to, cell_notebook, cell_id, state, mentions)
            SELECT $1::text, $2::text, $3::text, $4::timestamptz, $5::bigint, $6::text, $7::text, $8::text, $9::text
            WHERE $5::bigint IS NULL OR EXISTS (SELECT 1 FROM chat_messages WHERE id = $5::bigint AND project_id = $1)
            RETURNING {ChatSql.Columns}
            """,
            message.ProjectId, message.Author, message.Body, message.CreatedAt, message.ReplyTo,
            message.Cell?.Notebook, message.Cell?.CellId, message.State.ToStored(), ChatMentions.Join(message.Mentions)), ct);
        if (added is null) return null;
        await InsertMentionsAsync(tx, message.ProjectId, added.Id, notify, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    public async Task<ChatMessage?> GetAsync(string projectId, long id, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SingleAsync(connection.Command(ChatSql.Get, projectId, id), ct);
    }

    public async Task<ChatMessage?> EditAsync(string projectId, long id, string body, IReadOnlyList<string> mentions,
        IReadOnlyList<string> notify, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var edited = await SingleAsync(tx.Command(ChatSql.Edit, projectId, id, body, ChatMentions.Join(mentions), at), ct);
        if (edited is null) return null;
        await tx.Command(ChatSql.DeleteMentions, id).ExecuteNonQueryAsync(ct);
        await InsertMentionsAsync(tx, projectId, id, notify, ct);
        await tx.CommitAsync(ct);
        return edited;
    }

    public async Task<ChatMessage?> DeleteAsync(string projectId, long id, string deletedBy, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var deleted = await SingleAsync(tx.Command(ChatSql.Delete, projectId, id, deletedBy, at), ct);
        if (deleted is null)
        {
            return await SingleAsync(tx.Command(ChatSql.Get, projectId, id), ct);
        }
        await tx.Command(ChatSql.DeleteMentions, id).ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    public async Task<ChatMessage?> AppendAsync(string projectId, long id, string chunk, int maxBodyChars, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SingleAsync(connection.Command(ChatSql.AppendChunk, projectId, id, chunk, maxBodyChars), ct);
    }

    public async Task<ChatMessage?> CloseAsync(string projectId, long id, ChatMessageState state, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await SingleAsync(connection.Command(ChatSql.Close, projectId, id, state.ToStored()), ct);
    }

    public async Task TouchAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct = default)
    {
        if (ids.Count == 0) return;
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.Command("UPDATE chat_messages SET touched_at = $1 WHERE state = 'streaming' AND id = ANY($2)",
            at, ids.ToArray()).ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<ChatMessage>> InterruptStaleAsync(DateTimeOffset touchedBefore, string note, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ListAsync(connection.Command(ChatSql.InterruptStale, touchedBefore, note), ct);
    }

    public async Task<ChatPage> PageAsync(string projectId, long? before, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var newestFirst = await ListAsync(connection.Command(ChatSql.Page, projectId, before ?? long.MaxValue, limit + 1), ct);
        return ChatPages.FromNewestFirst(newestFirst, limit);
    }

    public async Task<IReadOnlyList<ChatMessage>> ListAfterAsync(string projectId, long after, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ListAsync(connection.Command(ChatSql.ListAfter, projectId, after, limit), ct);
    }

    public async Task<IReadOnlyList<ChatMessage>> SearchAsync(string projectId, string query, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        // plainto_tsquery runs the query through the same parser as the bodies, so a pasted error
        // (paths, numbers like 2.00, hyphenated words) yields the same lexemes, all required.
        return await ListAsync(connection.Command($"""
            SELECT {ChatSql.PrefixedColumns} FROM chat_messages m
            WHERE m.project_id = $1 AND m.deleted_at IS NULL AND m.search @@ plainto_tsquery('simple', $2)
            ORDER BY m.id DESC LIMIT $3
            """, projectId, query, limit), ct);
    }

    public async Task<long> MarkReadAsync(string projectId, string userId, long lastReadId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (long)(await connection.Command("""
            INSERT INTO chat_read_markers (project_id, user_id, last_read_id)
            VALUES ($1, $2, GREATEST(0, LEAST($3, (SELECT COALESCE(MAX(id), 0) FROM chat_messages WHERE project_id = $1))))
            ON CONFLICT (project_id, user_id) DO UPDATE SET last_read_id = GREATEST(chat_read_markers.last_read_id, excluded.last_read_id)
            RETURNING last_read_id
            """, projectId, userId, lastReadId).ExecuteScalarAsync(ct))!;
    }

    public async Task<ChatUnread> GetUnreadAsync(string projectId, string userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var reader = await connection.Command(ChatSql.Unread, projectId, userId).ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new ChatUnread(projectId, reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
    }

    public async Task<IReadOnlyList<ChatMessage>> ListUnreadMentionsAsync(string projectId, string userId, int limit, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await ListAsync(connection.Command(ChatSql.UnreadMentions, projectId, userId, limit), ct);
    }

    public async Task<ChatSettings> GetSettingsAsync(string projectId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var value = await connection.Command(ChatSql.Settings, projectId).ExecuteScalarAsync(ct);
        return value is bool viewersCanPost ? new ChatSettings(viewersCanPost) : ChatSettings.Default;
    }

    public async Task SetSettingsAsync(string projectId, ChatSettings settings, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.Command(ChatSql.SaveSettings, projectId, settings.ViewersCanPost).ExecuteNonQueryAsync(ct);
    }

    private static async Task InsertMentionsAsync(NpgsqlTransaction tx, string projectId, long id, IReadOnlyList<string> notify, CancellationToken ct)
    {
        if (notify.Count == 0) return;
        await tx.Command("""
            INSERT INTO chat_mentions (project_id, user_id, message_id)
            SELECT $1, u, $3 FROM unnest($2::text[]) AS u ON CONFLICT DO NOTHING
            """, projectId, notify.ToArray(), id).ExecuteNonQueryAsync(ct);
    }

    private static async Task<ChatMessage?> SingleAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }
    }

    private static async Task<List<ChatMessage>> ListAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            var list = new List<ChatMessage>();
            while (await reader.ReadAsync(ct)) list.Add(Read(reader));
            return list;
        }
    }

    private static ChatMessage Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt64(8),
        r.IsDBNull(9) ? null : new NotebookCellRef(r.GetString(9), r.GetString(10)),
        ChatMessageStates.Parse(r.GetString(11)),
        ChatMentions.Split(r.GetString(12)));
}
