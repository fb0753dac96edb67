namespace Collab.Server.Chat;

/// <summary>Ephemeral typing state of a member; never stored. Clients let it lapse after a few seconds.</summary>
public sealed record ChatTyping(string ProjectId, string UserId, bool IsTyping);
