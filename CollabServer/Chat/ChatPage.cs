namespace Collab.Server.Chat;

/// <summary>
/// One page of history, oldest first. When <see cref="Before"/> is set there are older messages:
/// ask again with <c>before=</c> that id.
/// </summary>
public sealed record ChatPage(IReadOnlyList<ChatMessage> Messages, long? Before);
