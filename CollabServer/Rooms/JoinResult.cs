namespace Collab.Server.Rooms;

/// <summary>
/// What a joining client needs: the update it lacks (sync step 2, null when it sent no state
/// vector), the server's state vector (so it can send what the server lacks) and the current
/// awareness states (null when nobody has any).
/// </summary>
public sealed record JoinResult(byte[]? Update, byte[] StateVector, byte[]? Awareness);
