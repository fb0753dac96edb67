namespace Collab.Server.Chat;

/// <summary>
/// A member's read state in one project: the last message they have read, how many messages by
/// others came after it, and how many of those mention them.
/// </summary>
public sealed record ChatUnread(string ProjectId, long LastReadId, int UnreadCount, int MentionCount);
