namespace Collab.Indexer.Vectors;

/// <summary>
/// Where chunk embeddings live. Calls name the snapshot folder they concern: the embedded store keeps
/// its vectors inside it (and so is swapped with it); a remote store may ignore it.
/// </summary>
public interface IVectorStore
{
    /// <summary>Applies one build's changes to the store, for the unpublished <paramref name="snapshotPath"/>.</summary>
    Task ApplyAsync(string snapshotPath, VectorChanges changes, CancellationToken cancellationToken);

    /// <summary>The <paramref name="top"/> chunks most similar (cosine) to <paramref name="query"/>.</summary>
    Task<IReadOnlyList<VectorMatch>> SearchAsync(string snapshotPath, ReadOnlyMemory<float> query, int top, CancellationToken cancellationToken);
}
