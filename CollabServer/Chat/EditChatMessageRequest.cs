namespace Collab.Server.Chat;

public sealed record EditChatMessageRequest(string? Body);
