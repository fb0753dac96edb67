namespace Collab.Server.Rooms;

/// <summary>The store could not load or persist the room; the client should retry later.</summary>
public sealed class RoomUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
