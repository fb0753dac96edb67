namespace Collab.Server.WebClient;

/// <summary>The public settings the web client reads before sign-in: role display names keyed by wire name.</summary>
public sealed record WebClientConfig(IReadOnlyDictionary<string, string> RoleNames);
