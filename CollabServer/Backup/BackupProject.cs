namespace Collab.Server.Backup;

public sealed record BackupProject(string Id, string Name, DateTimeOffset CreatedAt);
