using Collab.Server.Errors;

namespace Collab.Server.Rooms;

/// <summary>The room went away under the connection (deleted, storage failure): rejoin to carry on.</summary>
public sealed class RoomGoneRefusal(string reason)
    : RefusalException(ErrorCode.Unavailable, $"The room is unavailable ({reason}); join it again.");
