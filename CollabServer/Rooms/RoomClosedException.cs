namespace Collab.Server.Rooms;

/// <summary>The room unloaded or was evicted before this request ran; callers may retry on a fresh room.</summary>
public sealed class RoomClosedException(string message = "The room was closed.") : Exception(message);
