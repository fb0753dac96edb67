namespace Collab.Server.Hubs;

/// <summary>
/// Chat events the hub sends to clients. Each carries one argument: a <c>ChatMessage</c> (whole,
/// as stored), a <c>ChatChunk</c>, a <c>ChatTyping</c> or a <c>ChatReadMarker</c>.
/// </summary>
public static class ChatHubEvents
{
    /// <summary>A new message; streaming ones arrive open, with the body so far.</summary>
    public const string ChatMessage = nameof(ChatMessage);
    public const string ChatMessageEdited = nameof(ChatMessageEdited);
    /// <summary>The tombstone of a deleted message.</summary>
    public const string ChatMessageDeleted = nameof(ChatMessageDeleted);
    /// <summary>Text appended to a streaming message.</summary>
    public const string ChatChunk = nameof(ChatChunk);
    /// <summary>A streaming message closed (complete or failed), with its whole body.</summary>
    public const string ChatMessageClosed = nameof(ChatMessageClosed);
    public const string Typing = nameof(Typing);
    /// <summary>To the mentioned member only: a message that mentions them.</summary>
    public const string Mention = nameof(Mention);
    public const string ReadMarker = nameof(ReadMarker);
}
