using Collab.Server.Chat;

namespace Collab.Server.Chat;

/// <summary>
/// Project chat: messages (with tombstones and streamed bodies), full-text search, read markers,
/// mention notifications and per-project chat settings. Every call is scoped to one project, so
/// an id from another project behaves like an unknown id. Message ids grow store-wide.
/// </summary>
public interface IChatStore
{
    /// <summary>
    /// Stores the message and a mention notification for each of <paramref name="notify"/> in one
    /// transaction. Returns null, storing nothing, when <see cref="NewChatMessage.ReplyTo"/> is not a
    /// message of the same project.
    /// </summary>
    Task<ChatMessage?> AddAsync(NewChatMessage message, IReadOnlyList<string> notify, CancellationToken ct = default);

    Task<ChatMessage?> GetAsync(string projectId, long id, CancellationToken ct = default);

    /// <summary>
    /// Replaces the body and mentions of a closed, not deleted message and its notifications with
    /// those for <paramref name="notify"/>. Null, changing nothing, when no such message exists.
    /// </summary>
    Task<ChatMessage?> EditAsync(string projectId, long id, string body, IReadOnlyList<string> mentions,
        IReadOnlyList<string> notify, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Turns the message into a tombstone (empty body, no mentions, closed if it was streaming)
    /// and drops its notifications. Null when the message does not exist; an existing tombstone is
    /// returned unchanged.
    /// </summary>
    Task<ChatMessage?> DeleteAsync(string projectId, long id, string deletedBy, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Appends <paramref name="chunk"/> to a streaming message whose body would stay within
    /// <paramref name="maxBodyChars"/>. Null, changing nothing, otherwise.
    /// </summary>
    Task<ChatMessage?> AppendAsync(string projectId, long id, string chunk, int maxBodyChars, CancellationToken ct = default);

    /// <summary>Closes a streaming message with <paramref name="state"/>; null if it is not streaming.</summary>
    Task<ChatMessage?> CloseAsync(string projectId, long id, ChatMessageState state, CancellationToken ct = default);

    /// <summary>The heartbeat of the streams a replica writes: marks those still streaming as alive at <paramref name="at"/>.</summary>
    Task TouchAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken ct = default);

    /// <summary>
    /// Closes every streaming message (of any project) last touched, or else created, before
    /// <paramref name="touchedBefore"/> as <see cref="ChatMessageState.Interrupted"/>, appending
    /// <paramref name="note"/> to what streamed; returns them.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> InterruptStaleAsync(DateTimeOffset touchedBefore, string note, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> messages with ids below <paramref name="before"/> (or the newest), oldest first.</summary>
    Task<ChatPage> PageAsync(string projectId, long? before, int limit, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="limit"/> messages with ids above <paramref name="after"/>, oldest first,
    /// tombstones included: reads a whole chat forward a page at a time (backups) without holding it.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> ListAfterAsync(string projectId, long after, int limit, CancellationToken ct = default);

    /// <summary>
    /// Messages (newest first, tombstones never) containing every word of <paramref name="query"/>,
    /// which may be plain words or a pasted error message. Case-insensitive, no stemming.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> SearchAsync(string projectId, string query, int limit, CancellationToken ct = default);

    /// <summary>
    /// Moves the user's read marker forward to <paramref name="lastReadId"/>, capped at the
    /// project's newest message; it never moves back. Returns the marker now stored.
    /// </summary>
    Task<long> MarkReadAsync(string projectId, string userId, long lastReadId, CancellationToken ct = default);

    /// <summary>Read marker, unread messages by others and unread mentions of the user.</summary>
    Task<ChatUnread> GetUnreadAsync(string projectId, string userId, CancellationToken ct = default);

    /// <summary>Not deleted messages after the user's read marker that mention them, newest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ListUnreadMentionsAsync(string projectId, string userId, int limit, CancellationToken ct = default);

    /// <summary>The project's settings, <see cref="ChatSettings.Default"/> until an owner changes them.</summary>
    Task<ChatSettings> GetSettingsAsync(string projectId, CancellationToken ct = default);

    Task SetSettingsAsync(string projectId, ChatSettings settings, CancellationToken ct = default);
}
