namespace Collab.Server.Chat;

/// <summary>A member has read everything up to and including <see cref="LastReadId"/>.</summary>
public sealed record ChatReadMarker(string ProjectId, string UserId, long LastReadId);
