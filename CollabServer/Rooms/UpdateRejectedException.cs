namespace Collab.Server.Rooms;

/// <summary>The sender's message was refused (malformed, over a limit, not allowed); nothing changed.</summary>
public sealed class UpdateRejectedException(string message) : Exception(message);
