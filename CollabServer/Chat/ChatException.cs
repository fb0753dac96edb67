using Collab.Server.Errors;

namespace Collab.Server.Chat;

/// <summary>A refused chat request; nothing was changed. The message is meant for the user.</summary>
public sealed class ChatException(ErrorCode code, string message, TimeSpan? retryAfter = null) : RefusalException(code, message, retryAfter);
