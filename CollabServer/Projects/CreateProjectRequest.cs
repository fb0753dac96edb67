namespace Collab.Server.Projects;

public sealed record CreateProjectRequest(string Id, string? Name);
