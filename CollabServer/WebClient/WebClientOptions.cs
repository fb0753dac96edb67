namespace Collab.Server.WebClient;

/// <summary>What the web client shows that a deployment may want to word its own way.</summary>
public sealed class WebClientOptions
{
    public const string Section = "WebClient";

    /// <summary>
    /// Display names for the roles, keyed by the wire name (<c>owner</c>, <c>editor</c>, <c>viewer</c>),
    /// e.g. <c>WebClient:RoleNames:owner = instructor</c> on a teaching platform. Unnamed roles show as they are.
    /// </summary>
    public Dictionary<string, string> RoleNames { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
