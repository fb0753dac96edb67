namespace Collab.Server.Chat;

public sealed record MarkChatReadRequest(long LastReadId);
