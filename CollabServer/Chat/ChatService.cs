using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Notebooks;
using Collab.Server.Projects;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Chat;

/// <summary>
/// The rules of project chat, shared by the hub, the REST endpoints and bots. Callers have already
/// been authenticated and found to be members; this checks what their role and authorship allow,
/// validates input (refusing with <see cref="ChatException"/> before anything changes), stores, and
/// only then broadcasts.
/// </summary>
public sealed class ChatService(
    IChatStore store,
    IProjectStore projects,
    INotebookStore notebooks,
    IChatBroadcaster broadcaster,
    IEnumerable<IChatBotAdmission> botAdmissions,
    BotReplyQueue botReplies,
    IEnumerable<IChatBodyFilter> bodyFilters,
    ChatRateLimiter rates,
    ChatOpenStreams openStreams,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    ILogger<ChatService> logger) : IChatBotWriter
{
    private readonly ChatOptions _options = options.Value;
    private readonly IChatBotAdmission[] _admissions = botAdmissions.ToArray();
    private readonly IChatBodyFilter[] _filters = bodyFilters.ToArray();

    public async Task<ChatJoinResult> JoinAsync(string projectId, ChatCaller caller, CancellationToken ct)
    {
        var settings = await store.GetSettingsAsync(projectId, ct);
        var history = await store.PageAsync(projectId, null, _options.DefaultPageSize, ct);
        var unread = await store.GetUnreadAsync(projectId, caller.UserId, ct);
        var mentions = await store.ListUnreadMentionsAsync(projectId, caller.UserId, _options.MaxPageSize, ct);
        return new ChatJoinResult(projectId, caller.Role.ToWire(), CanPost(caller, settings), history, unread, mentions);
    }

    public async Task<ChatMessage> SendAsync(string projectId, ChatCaller caller, ChatMessageDraft draft, CancellationToken ct)
    {
        rates.Acquire(caller.UserId);
        var body = ValidBody(draft.Body);
        if (draft.ReplyTo is <= 0) throw Invalid("'replyTo' must be a message id.");
        await EnsureCanPostAsync(projectId, caller, ct);
        if (draft.Cell is not null) await EnsureCellAsync(projectId, draft.Cell, ct);
        var (mentions, notify) = await ResolveMentionsAsync(projectId, body, caller.UserId, ct);
        AdmitBots(mentions, caller.UserId);
        body = Filtered(body, mentions);
        var message = await store.AddAsync(
            new NewChatMessage(projectId, caller.UserId, body, Now(), draft.ReplyTo, draft.Cell, ChatMessageState.Complete, mentions), notify, ct)
            ?? throw Invalid($"The message replied to ({draft.ReplyTo}) does not exist in this project.");
        await broadcaster.MessageAddedAsync(message);
        foreach (var userId in notify) await broadcaster.MentionedAsync(userId, message);
        await NotifyBotsAsync(message);
        return message;
    }

    public async Task<ChatMessage> EditAsync(string projectId, ChatCaller caller, long messageId, string? newBody, CancellationToken ct)
    {
        rates.Acquire(caller.UserId);
        var body = ValidBody(newBody);
        var existing = await ExistingAsync(projectId, messageId, ct);
        if (existing.Author != caller.UserId) throw new ChatException(ErrorCode.Forbidden, "You can only edit your own messages.");
        if (existing.IsDeleted) throw new ChatException(ErrorCode.Conflict, "The message was deleted; it cannot be edited.");
        if (existing.State == ChatMessageState.Streaming) throw new ChatException(ErrorCode.Conflict, "The message is still streaming.");
        await EnsureCanPostAsync(projectId, caller, ct);
        var (mentions, notify) = await ResolveMentionsAsync(projectId, body, caller.UserId, ct);
        body = Filtered(body, mentions);
        var edited = await store.EditAsync(projectId, messageId, body, mentions, notify, Now(), ct)
            ?? throw new ChatException(ErrorCode.Conflict, "The message was deleted meanwhile.");
        await broadcaster.MessageEditedAsync(edited);
        foreach (var userId in notify.Except(existing.Mentions, StringComparer.Ordinal)) await broadcaster.MentionedAsync(userId, edited);
        return edited;
    }

    /// <summary>Authors delete their own messages, owners any. Deleting a tombstone again returns it unchanged.</summary>
    public async Task<ChatMessage> DeleteAsync(string projectId, ChatCaller caller, long messageId, CancellationToken ct)
    {
        rates.Acquire(caller.UserId);
        var existing = await ExistingAsync(projectId, messageId, ct);
        if (existing.Author != caller.UserId && caller.Role != ProjectRole.Owner)
            throw new ChatException(ErrorCode.Forbidden, "You can only delete your own messages (owners can delete any).");
        if (existing.IsDeleted) return existing;
        var deleted = await store.DeleteAsync(projectId, messageId, caller.UserId, Now(), ct)
            ?? throw NotFound(messageId);
        openStreams.Remove(messageId);
        await broadcaster.MessageDeletedAsync(deleted);
        return deleted;
    }

    public async Task<ChatPage> GetHistoryAsync(string projectId, long? before, int? limit, CancellationToken ct = default)
    {
        if (before is <= 0) throw Invalid("'before' must be a message id.");
        if (limit is <= 0) throw Invalid("'limit' must be positive.");
        return await store.PageAsync(projectId, before, Math.Min(limit ?? _options.DefaultPageSize, _options.MaxPageSize), ct);
    }

    public async Task<ChatMessage?> GetMessageAsync(string projectId, long messageId, CancellationToken ct = default) =>
        await store.GetAsync(projectId, messageId, ct);

    public async Task<IReadOnlyList<ChatMessage>> SearchAsync(string projectId, string? query, int? limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query)) throw Invalid("The search text is empty.");
        if (query.Length > _options.MaxQueryChars)
            throw Invalid($"The search text has {query.Length} characters, over Chat:MaxQueryChars ({_options.MaxQueryChars}).");
        if (limit is <= 0) throw Invalid("'limit' must be positive.");
        return await store.SearchAsync(projectId, query.Replace('\0', ' '), Math.Min(limit ?? _options.MaxSearchResults, _options.MaxSearchResults), ct);
    }

    public async Task<ChatUnread> MarkReadAsync(string projectId, ChatCaller caller, long lastReadId, CancellationToken ct)
    {
        if (lastReadId < 0) throw Invalid("'lastReadId' must be a message id.");
        var marker = await store.MarkReadAsync(projectId, caller.UserId, lastReadId, ct);
        await broadcaster.ReadMarkerAsync(new ChatReadMarker(projectId, caller.UserId, marker));
        return await store.GetUnreadAsync(projectId, caller.UserId, ct);
    }

    public Task<ChatUnread> GetUnreadAsync(string projectId, ChatCaller caller, CancellationToken ct) =>
        store.GetUnreadAsync(projectId, caller.UserId, ct);

    public Task<IReadOnlyList<ChatMessage>> ListUnreadMentionsAsync(string projectId, ChatCaller caller, CancellationToken ct) =>
        store.ListUnreadMentionsAsync(projectId, caller.UserId, _options.MaxPageSize, ct);

    /// <summary>Relays typing; over the caller's rate it is dropped (ephemeral, so harmless).</summary>
    public Task TypingAsync(string projectId, ChatCaller caller, bool isTyping, string? connectionId) =>
        rates.TryAcquire(caller.UserId)
            ? broadcaster.TypingAsync(new ChatTyping(projectId, caller.UserId, isTyping), connectionId)
            : Task.CompletedTask;

    public Task<ChatSettings> GetSettingsAsync(string projectId, CancellationToken ct) => store.GetSettingsAsync(projectId, ct);

    public async Task<ChatSettings> SetSettingsAsync(string projectId, ChatCaller caller, ChatSettings settings, CancellationToken ct)
    {
        if (caller.Role != ProjectRole.Owner) throw new ChatException(ErrorCode.Forbidden, "Only owners change chat settings.");
        await store.SetSettingsAsync(projectId, settings, ct);
        return settings;
    }

    public async Task<ChatMessage> StartStreamingMessageAsync(string projectId, string author, long? replyTo,
        NotebookCellRef? cell = null, CancellationToken ct = default)
    {
        if (!ChatBots.Names.Contains(author)) throw Invalid($"'{author}' is not a bot; only bots stream messages.");
        if (replyTo is <= 0) throw Invalid("'replyTo' must be a message id.");
        if (await projects.GetAsync(projectId, ct) is null) throw new ChatException(ErrorCode.NotFound, "Project not found.");
        if (cell is not null) await EnsureCellAsync(projectId, cell, ct);
        var message = await store.AddAsync(
            new NewChatMessage(projectId, author.ToLowerInvariant(), "", Now(), replyTo, cell, ChatMessageState.Streaming, []), [], ct)
            ?? throw Invalid($"The message replied to ({replyTo}) does not exist in this project.");
        openStreams.Add(message.Id);
        await broadcaster.MessageAddedAsync(message);
        return message;
    }

    public async Task<ChatMessage> AppendChunkAsync(string projectId, long messageId, string chunk, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.Contains('\0')) throw Invalid("The chunk contains a NUL character.");
        if (chunk.Length == 0) return await ExistingAsync(projectId, messageId, ct);
        var appended = await store.AppendAsync(projectId, messageId, chunk, _options.MaxStreamedBodyChars, ct);
        if (appended is null)
        {
            var existing = await ExistingAsync(projectId, messageId, ct);
            if (existing.IsDeleted || existing.State != ChatMessageState.Streaming)
            {
                openStreams.Remove(messageId);
                throw NotOpen(existing);
            }
            throw Invalid($"The message would grow over Chat:MaxStreamedBodyChars ({_options.MaxStreamedBodyChars}); the chunk was not added.");
        }
        await broadcaster.ChunkAppendedAsync(new ChatChunk(projectId, messageId, appended.Body.Length - chunk.Length, chunk));
        return appended;
    }

    public Task<ChatMessage> CompleteAsync(string projectId, long messageId, CancellationToken ct = default) =>
        CloseAsync(projectId, messageId, ChatMessageState.Complete, ct);

    public Task<ChatMessage> FailAsync(string projectId, long messageId, CancellationToken ct = default) =>
        CloseAsync(projectId, messageId, ChatMessageState.Failed, ct);

    private async Task<ChatMessage> CloseAsync(string projectId, long messageId, ChatMessageState state, CancellationToken ct)
    {
        var closed = await store.CloseAsync(projectId, messageId, state, ct);
        openStreams.Remove(messageId);
        if (closed is null) throw NotOpen(await ExistingAsync(projectId, messageId, ct));
        await broadcaster.MessageClosedAsync(closed);
        return closed;
    }

    /// <summary>Marks the streams this process writes as alive (the heartbeat other replicas judge them by).</summary>
    public Task RenewOpenStreamsAsync(CancellationToken ct) => store.TouchAsync(openStreams.Ids, Now(), ct);

    /// <summary>Closes streams nobody renewed since <paramref name="touchedBefore"/> as interrupted and tells the clients; returns how many.</summary>
    public async Task<int> InterruptStaleStreamsAsync(DateTimeOffset touchedBefore, CancellationToken ct)
    {
        var interrupted = await store.InterruptStaleAsync(touchedBefore, InterruptedNote, ct);
        foreach (var message in interrupted)
        {
            openStreams.Remove(message.Id);
            await broadcaster.MessageClosedAsync(message);
        }
        return interrupted.Count;
    }

    private const string InterruptedNote = "\n\n_Interrupted: the server writing this answer stopped before it finished; retry to ask again._";

    private static bool CanPost(ChatCaller caller, ChatSettings settings) =>
        caller.Role >= ProjectRole.Editor || settings.ViewersCanPost;

    private async Task EnsureCanPostAsync(string projectId, ChatCaller caller, CancellationToken ct)
    {
        if (!CanPost(caller, await store.GetSettingsAsync(projectId, ct)))
            throw new ChatException(ErrorCode.Forbidden, "Viewers cannot post in this project's chat (the owners turned it off).");
    }

    private async Task EnsureCellAsync(string projectId, NotebookCellRef cell, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(cell.CellId) || cell.CellId.Length > 128) throw Invalid("'cell.cellId' must be 1-128 characters.");
        if (!ProjectNames.IsValidDocName(cell.Notebook) || !await notebooks.ExistsAsync(new DocumentKey(projectId, cell.Notebook), ct))
            throw Invalid($"The notebook '{cell.Notebook}' does not exist in this project.");
    }

    /// <summary>Mentions keep members (spelled as their ids) and bots; only other members get notified.</summary>
    private async Task<(IReadOnlyList<string> Mentions, IReadOnlyList<string> Notify)> ResolveMentionsAsync(
        string projectId, string body, string authorId, CancellationToken ct)
    {
        var names = ChatMentionParser.Names(body);
        if (names.Count == 0) return ([], []);
        var members = (await projects.ListMembersAsync(projectId, ct))
            .GroupBy(m => m.UserId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().UserId, StringComparer.OrdinalIgnoreCase);
        var mentions = new List<string>();
        foreach (var name in names)
        {
            if (members.TryGetValue(name, out var userId)) mentions.Add(userId);
            else if (ChatBots.Names.Contains(name)) mentions.Add(name.ToLowerInvariant());
        }
        var notify = mentions.Where(m => members.ContainsKey(m) && m != authorId).ToList();
        return (mentions, notify);
    }

    /// <summary>Before anything is stored: a bot that would refuse to answer (its rate limit) refuses the post instead.</summary>
    private void AdmitBots(IReadOnlyList<string> mentions, string authorId)
    {
        foreach (var bot in mentions.Where(ChatBots.Names.Contains))
            foreach (var admission in _admissions) admission.Admit(bot, authorId);
    }

    /// <summary>Off the sender's call (the ack must not wait for a bot): the replies run in <see cref="BotReplyWorker"/>.</summary>
    private async Task NotifyBotsAsync(ChatMessage message)
    {
        foreach (var bot in message.Mentions.Where(ChatBots.Names.Contains))
        {
            var request = new BotReplyRequest(bot, message);
            if (botReplies.TryEnqueue(request)) continue;
            logger.LogWarning("{Count} bot replies are waiting; {Bot} will not answer message {MessageId}", BotReplyQueue.Capacity, bot, message.Id);
            await BotReplyFailure.ReportAsync(this, request, logger);
        }
    }

    private string Filtered(string body, IReadOnlyList<string> mentions) => _filters.Aggregate(body, (b, f) => f.Filter(b, mentions));

    private string ValidBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) throw Invalid("The message is empty.");
        if (body.Length > _options.MaxBodyChars)
            throw Invalid($"The message has {body.Length} characters, over Chat:MaxBodyChars ({_options.MaxBodyChars}).");
        if (body.Contains('\0')) throw Invalid("The message contains a NUL character.");
        return body;
    }

    private async Task<ChatMessage> ExistingAsync(string projectId, long messageId, CancellationToken ct) =>
        await store.GetAsync(projectId, messageId, ct) ?? throw NotFound(messageId);

    // Stored times have millisecond precision on every backend, so the ack shows what history will.
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    private static ChatException Invalid(string message) => new(ErrorCode.Invalid, message);

    private static ChatException NotFound(long messageId) => new(ErrorCode.NotFound, $"Message {messageId} not found in this project.");

    private static ChatException NotOpen(ChatMessage message) =>
        new(ErrorCode.Conflict, message.IsDeleted ? $"Message {message.Id} was deleted." : $"Message {message.Id} is already closed.");
}
