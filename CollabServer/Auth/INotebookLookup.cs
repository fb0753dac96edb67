using Collab.Server.Storage;

namespace Collab.Server.Auth;

/// <summary>
/// Whether a notebook exists, which <see cref="ProjectAccess"/> checks before granting a role on a
/// document (and History before keeping a version): declared here and implemented by
/// <c>INotebookStore</c>, so neither depends on the Notebooks feature above them.
/// </summary>
public interface INotebookLookup
{
    Task<bool> ExistsAsync(DocumentKey key, CancellationToken ct = default);
}
