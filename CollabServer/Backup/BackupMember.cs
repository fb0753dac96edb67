namespace Collab.Server.Backup;

/// <summary>A member and their role in the wire spelling ("viewer", "editor", "owner").</summary>
public sealed record BackupMember(string UserId, string Role);
