namespace Collab.Server.Scaling;

public enum RoomBusMessageKind : byte
{
    /// <summary>Updates another node made durable.</summary>
    Updates = 1,
    /// <summary>A y-protocols awareness update (ephemeral).</summary>
    Awareness = 2,
}
