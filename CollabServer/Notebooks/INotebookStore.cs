using Collab.Server.Auth;
using Collab.Server.Storage;

namespace Collab.Server.Notebooks;

/// <summary>The catalogue of documents (notebooks) in each project.</summary>
public interface INotebookStore : INotebookLookup
{
    Task<IReadOnlyList<NotebookInfo>> ListAsync(string projectId, CancellationToken ct = default);

    /// <summary>
    /// Registers the notebook and logs its initial content in one transaction. Returns false,
    /// changing nothing, when a notebook of that name already exists.
    /// </summary>
    Task<bool> CreateAsync(DocumentKey key, byte[] initialUpdate, CancellationToken ct = default);

    /// <summary>Removes the notebook with its log and snapshot. False if it did not exist.</summary>
    Task<bool> DeleteAsync(DocumentKey key, CancellationToken ct = default);
}
