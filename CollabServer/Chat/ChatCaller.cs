using Collab.Server.Auth;

namespace Collab.Server.Chat;

/// <summary>An authenticated member acting in one project's chat, with their role there.</summary>
public sealed record ChatCaller(string UserId, ProjectRole Role);
