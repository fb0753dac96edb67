using Collab.Server.Storage;

namespace Collab.Server.History;

/// <summary>
/// Kept versions of notebooks, in the same store as the documents. A version goes with its
/// notebook: deleting the notebook (or its project) deletes its versions.
/// </summary>
public interface IVersionStore
{
    /// <summary>
    /// Keeps the version, with <see cref="NewVersion.Authors"/> plus every author noted for the
    /// document since the last version (who are then cleared), in one transaction that is
    /// serialised per document across replicas. With <paramref name="onlyIfNewer"/>, nothing is
    /// written (null) when a version already covers <see cref="NewVersion.Seq"/> or later: several
    /// replicas may try to keep the same state, one writes it.
    /// </summary>
    Task<NotebookVersion?> AddAsync(DocumentKey key, NewVersion version, bool onlyIfNewer, CancellationToken ct = default);

    /// <summary>Records that these users edited the document since its last version.</summary>
    Task NoteAuthorsAsync(DocumentKey key, IReadOnlyCollection<string> userIds, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> versions with ids below <paramref name="before"/> (or the newest), newest first.</summary>
    Task<IReadOnlyList<NotebookVersion>> ListAsync(DocumentKey key, long? before, int limit, CancellationToken ct = default);

    /// <summary>The newest version, or null when there is none.</summary>
    Task<NotebookVersion?> LatestAsync(DocumentKey key, CancellationToken ct = default);

    /// <summary>The version with its state; null when the notebook has no such version.</summary>
    Task<StoredVersion?> GetAsync(DocumentKey key, long id, CancellationToken ct = default);

    /// <summary>Every document that has versions (for the retention sweep).</summary>
    Task<IReadOnlyList<DocumentKey>> DocumentsAsync(CancellationToken ct = default);

    /// <summary>Deletes the versions with these ids of the document; returns how many went.</summary>
    Task<int> DeleteAsync(DocumentKey key, IReadOnlyCollection<long> ids, CancellationToken ct = default);

    Task<HistorySettings> GetSettingsAsync(string projectId, CancellationToken ct = default);

    Task SetSettingsAsync(string projectId, HistorySettings settings, CancellationToken ct = default);
}
