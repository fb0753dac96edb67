namespace Collab.Server.Chat;

/// <summary>
/// Everything a client needs when it opens a project's chat: the newest page of history
/// (streaming messages with what has streamed so far), its read state, the unread messages that
/// mention it, its role and whether it may post.
/// </summary>
public sealed record ChatJoinResult(
    string ProjectId,
    string Role,
    bool CanPost,
    ChatPage History,
    ChatUnread Unread,
    IReadOnlyList<ChatMessage> Mentions);
