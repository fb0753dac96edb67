namespace Collab.Server.Projects;

public sealed record ProjectInfo(string Id, string Name, DateTimeOffset CreatedAt);
