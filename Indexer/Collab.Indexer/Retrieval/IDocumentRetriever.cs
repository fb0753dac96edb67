namespace Collab.Indexer.Retrieval;

/// <summary>Finds the documentation passages that answer a question or explain a pasted error.</summary>
public interface IDocumentRetriever
{
    /// <summary>
    /// Returns up to <paramref name="k"/> passages, best first, from distinct files: the best passage of
    /// each of the <paramref name="k"/> most relevant files. Returns nothing when no index is published yet.
    /// </summary>
    Task<IReadOnlyList<DocumentHit>> SearchAsync(string query, int k, CancellationToken cancellationToken = default);
}
