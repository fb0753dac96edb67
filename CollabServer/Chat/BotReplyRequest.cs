namespace Collab.Server.Chat;

/// <summary>
/// A reply owed by <paramref name="Bot"/> to <paramref name="Question"/>: from every mention
/// listener (a new mention), or from <paramref name="Listener"/> alone (a retry of its answer).
/// </summary>
public sealed record BotReplyRequest(string Bot, ChatMessage Question, IChatMentionListener? Listener = null);
