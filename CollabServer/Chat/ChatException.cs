namespace Collab.Server.Chat;

/// <summary>A refused chat request; nothing was changed. The message is meant for the user.</summary>
public sealed class ChatException(ChatErrorKind kind, string message) : Exception(message)
{
    public ChatErrorKind Kind { get; } = kind;
}
