using Collab.Server.Storage;

namespace Collab.Server.Auth;

/// <summary>
/// Whether a notebook exists, which <see cref="ProjectAccess"/> checks before granting a role on a
/// document: declared here and implemented by <c>INotebookStore</c>, so Auth does not depend on Notebooks.
/// </summary>
public interface INotebookLookup
{
    Task<bool> ExistsAsync(DocumentKey key, CancellationToken ct = default);
}
