namespace Collab.Server.Storage;

/// <summary>
/// The statements both chat stores (<c>SqliteChatStore</c>, <c>PostgresChatStore</c>) run word for
/// word, with positional parameters as in <see cref="VersionSql"/>. What differs stays in each store:
/// inserting (typed parameters, what comes back), full-text search (FTS5, <c>tsvector</c>), batches
/// (<c>json_each</c>, <c>ANY</c>/<c>unnest</c>), <c>max</c>/<c>GREATEST</c>, and how times and flags
/// are stored (Unix milliseconds and 0/1, <c>timestamptz</c> and <c>boolean</c>).
/// </summary>
internal static class ChatSql
{
    /// <summary>A message's columns in the order both stores read them.</summary>
    public const string Columns =
        "id, project_id, author_id, body, created_at, edited_at, deleted_at, deleted_by, reply_to, cell_notebook, cell_id, state, mentions";

    /// <summary><see cref="Columns"/> of the messages table aliased <c>m</c>.</summary>
    public static readonly string PrefixedColumns = string.Join(", ", Columns.Split(", ").Select(c => "m." + c));

    /// <summary>$1 project, $2 id.</summary>
    public const string Get = $"SELECT {Columns} FROM chat_messages WHERE project_id = $1 AND id = $2";

    /// <summary>$1 project, $2 id, $3 body, $4 mentions, $5 time: the edited message, unless deleted or still streaming.</summary>
    public const string Edit = $"""
        UPDATE chat_messages SET body = $3, mentions = $4, edited_at = $5
        WHERE project_id = $1 AND id = $2 AND deleted_at IS NULL AND state <> 'streaming'
        RETURNING {Columns}
        """;

    /// <summary>$1 project, $2 id, $3 deleted by, $4 time: the emptied message, unless already deleted.</summary>
    public const string Delete = $"""
        UPDATE chat_messages SET body = '', mentions = '', deleted_at = $4, deleted_by = $3,
            state = CASE state WHEN 'streaming' THEN 'complete' ELSE state END
        WHERE project_id = $1 AND id = $2 AND deleted_at IS NULL
        RETURNING {Columns}
        """;

    /// <summary>$1 message id.</summary>
    public const string DeleteMentions = "DELETE FROM chat_mentions WHERE message_id = $1";

    /// <summary>$1 project, $2 id, $3 chunk, $4 most characters: the streaming message with the chunk appended, if it fits.</summary>
    public const string AppendChunk = $"""
        UPDATE chat_messages SET body = body || $3
        WHERE project_id = $1 AND id = $2 AND state = 'streaming' AND deleted_at IS NULL AND length(body) + length($3) <= $4
        RETURNING {Columns}
        """;

    /// <summary>$1 project, $2 id, $3 final state: the message, if it was streaming.</summary>
    public const string Close = $"""
        UPDATE chat_messages SET state = $3 WHERE project_id = $1 AND id = $2 AND state = 'streaming'
        RETURNING {Columns}
        """;

    /// <summary>$1 touched before, $2 note: the streaming messages not touched since, now interrupted.</summary>
    public const string InterruptStale = $"""
        UPDATE chat_messages SET state = 'interrupted', body = body || $2
        WHERE state = 'streaming' AND coalesce(touched_at, created_at) < $1
        RETURNING {Columns}
        """;

    /// <summary>$1 project, $2 before id, $3 limit: newest first.</summary>
    public const string Page = $"SELECT {Columns} FROM chat_messages WHERE project_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3";

    /// <summary>$1 project, $2 after id, $3 limit: oldest first.</summary>
    public const string ListAfter = $"SELECT {Columns} FROM chat_messages WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3";

    /// <summary>$1 project, $2 user: the read marker, then counts of unread messages by others and of unread mentions.</summary>
    public const string Unread = """
        WITH marker AS (SELECT COALESCE((SELECT last_read_id FROM chat_read_markers WHERE project_id = $1 AND user_id = $2), 0) AS id)
        SELECT marker.id,
            (SELECT COUNT(*) FROM chat_messages WHERE project_id = $1 AND id > marker.id AND author_id <> $2 AND deleted_at IS NULL),
            (SELECT COUNT(*) FROM chat_mentions n JOIN chat_messages m ON m.id = n.message_id
             WHERE n.project_id = $1 AND n.user_id = $2 AND n.message_id > marker.id AND m.deleted_at IS NULL)
        FROM marker
        """;

    /// <summary>$1 project, $2 user, $3 limit: unread messages that mention the user, newest first.</summary>
    public static readonly string UnreadMentions = $"""
        SELECT {PrefixedColumns} FROM chat_mentions n JOIN chat_messages m ON m.id = n.message_id
        WHERE n.project_id = $1 AND n.user_id = $2 AND m.deleted_at IS NULL
          AND n.message_id > COALESCE((SELECT last_read_id FROM chat_read_markers WHERE project_id = $1 AND user_id = $2), 0)
        ORDER BY m.id DESC LIMIT $3
        """;

    /// <summary>$1 project.</summary>
    public const string Settings = "SELECT viewers_can_post FROM chat_settings WHERE project_id = $1";

    /// <summary>$1 project, $2 whether viewers can post.</summary>
    public const string SaveSettings = """
        INSERT INTO chat_settings (project_id, viewers_can_post) VALUES ($1, $2)
        ON CONFLICT (project_id) DO UPDATE SET viewers_can_post = excluded.viewers_can_post
        """;
}
