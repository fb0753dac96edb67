namespace Collab.Server.Cors;

/// <summary>
/// Which other web origins may call Collab from a browser (section <c>Cors</c>): a JupyterLab
/// served from another host, say. Empty by default: no CORS headers, preflights unanswered.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>
    /// <c>Cors:AllowedOrigins</c>: exact origins (<c>https://jupyter.example.org</c>), allowed with
    /// credentials on <c>/api</c> (REST and the copilot's server-sent events) and <c>/hubs</c>.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
