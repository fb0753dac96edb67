namespace Collab.Server.Execution;

/// <summary>The Jupyter Server a project runs on (<see cref="Server"/>) and the names its owners may choose; both empty when running cells is off.</summary>
public sealed record ProjectJupyterServer(string? Server, IReadOnlyList<string> Servers);

/// <summary>Body of <c>PUT /api/projects/{id}/jupyter-server</c>.</summary>
public sealed record ChooseJupyterServerRequest(string? Server);
