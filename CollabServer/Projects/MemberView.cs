namespace Collab.Server.Projects;

public sealed record MemberView(string UserId, string Role);
