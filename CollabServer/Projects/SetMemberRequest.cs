namespace Collab.Server.Projects;

public sealed record SetMemberRequest(string Role);
