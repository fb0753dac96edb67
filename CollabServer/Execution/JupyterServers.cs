using Microsoft.Extensions.Options;

namespace Collab.Server.Execution;

/// <summary>
/// The Jupyter Servers this deployment allows (<c>Jupyter:Url</c> as <c>default</c> plus
/// <c>Jupyter:Servers</c>) and which one each project uses (its owners choose; the default otherwise).
/// </summary>
public sealed class JupyterServers(IHttpClientFactory http, IOptions<JupyterOptions> options, IProjectJupyterStore choices)
{
    public const string HttpClientName = "jupyter";
    private readonly Dictionary<string, JupyterServerClient> _clients = options.Value.Endpoints()
        .ToDictionary(e => e.Name, e => new JupyterServerClient(http.CreateClient(HttpClientName), e, options.Value), StringComparer.Ordinal);

    /// <summary>Names a project may choose, the default first.</summary>
    public IReadOnlyList<string> Names => [.. options.Value.Endpoints().Select(e => e.Name)];

    public bool Contains(string name) => _clients.ContainsKey(name);

    /// <summary>
    /// The server the project runs on. A choice naming a server since removed from the settings falls
    /// back to the default, so a configuration change never strands a project.
    /// </summary>
    public async Task<JupyterServerClient> ForProjectAsync(string projectId, CancellationToken ct)
    {
        var chosen = await choices.GetAsync(projectId, ct);
        return chosen is not null && _clients.TryGetValue(chosen, out var client) ? client : _clients[JupyterEndpoint.DefaultName];
    }

    /// <summary>The name the project runs on now (see <see cref="ForProjectAsync"/>).</summary>
    public async Task<string> NameForProjectAsync(string projectId, CancellationToken ct) =>
        (await ForProjectAsync(projectId, ct)).Endpoint.Name;
}
