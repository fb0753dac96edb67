namespace Collab.Server.Execution;

/// <summary>Which of the allowed Jupyter Servers a project runs on (by name; none = the default).</summary>
public interface IProjectJupyterStore
{
    Task<string?> GetAsync(string projectId, CancellationToken ct = default);

    /// <summary>Sets the project's server; <c>null</c> returns it to the default.</summary>
    Task SetAsync(string projectId, string? serverName, CancellationToken ct = default);
}
