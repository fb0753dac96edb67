namespace Collab.Server.Chat;

/// <summary>
/// Fan-out of chat changes to connected clients. Called after the change is stored; a failure to
/// deliver is logged, never thrown, because the change itself has already been acknowledged.
/// </summary>
public interface IChatBroadcaster
{
    Task MessageAddedAsync(ChatMessage message);

    Task MessageEditedAsync(ChatMessage message);

    Task MessageDeletedAsync(ChatMessage message);

    Task ChunkAppendedAsync(ChatChunk chunk);

    Task MessageClosedAsync(ChatMessage message);

    /// <summary>Tells <paramref name="userId"/>'s connections that <paramref name="message"/> mentions them.</summary>
    Task MentionedAsync(string userId, ChatMessage message);

    Task ReadMarkerAsync(ChatReadMarker marker);

    /// <summary>Relays typing to the project's other connections (never stored).</summary>
    Task TypingAsync(ChatTyping typing, string? exceptConnectionId);
}
