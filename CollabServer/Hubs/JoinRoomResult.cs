namespace Collab.Server.Hubs;

/// <summary>
/// Answer to <c>JoinRoom</c>: <see cref="Update"/> is sync step 2 (everything the client lacks,
/// a Yjs v1 update), <see cref="StateVector"/> the server's state vector (send back what the
/// server lacks with <c>SendUpdate</c>), <see cref="Awareness"/> all current awareness states
/// (null when none) and <see cref="Role"/> the caller's role (<c>viewer</c> cannot send updates).
/// </summary>
public sealed record JoinRoomResult(byte[] Update, byte[] StateVector, byte[]? Awareness, string Role);
