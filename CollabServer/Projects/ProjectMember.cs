using Collab.Server.Auth;
namespace Collab.Server.Projects;

public sealed record ProjectMember(string UserId, ProjectRole Role);
