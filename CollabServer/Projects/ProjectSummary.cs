namespace Collab.Server.Projects;

public sealed record ProjectSummary(string Id, string Name, DateTimeOffset CreatedAt, string Role);
