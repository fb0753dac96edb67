namespace Collab.Server.Tests.Architecture;

/// <summary>
/// The one place the intended dependency picture of <c>CollabServer/</c> is written down (drawn in
/// <c>docs/architecture.md</c>). Layers run bottom first; inside a layer, components are listed in
/// order too. A component may use only the components listed before it, so every dependency points
/// down and no two components can depend on each other.
/// </summary>
internal static class ServerLayers
{
    public static readonly (string Layer, string[] Components)[] Layers =
    [
        ("foundation", ["Errors", "Limits", "Observability", "Storage", "Cors", "Tls"]),
        ("identity", ["Auth"]),
        ("live documents", ["Rooms"]),
        ("features", ["Audit", "History", "Notebooks", "Projects", "Scaling", "Execution", "Chat", "Copilot", "Health", "Backup"]),
        ("storage backends", ["Storage.Sqlite", "Storage.Postgres", "Storage.Backends"]),
        ("transports and host", ["Hubs", "Access", "YWebSocket", "WebClient", "ApiDocs", "Program"]),
    ];

    /// <summary>Every component, bottom first.</summary>
    public static List<string> Order => [.. Layers.SelectMany(l => l.Components)];
}
