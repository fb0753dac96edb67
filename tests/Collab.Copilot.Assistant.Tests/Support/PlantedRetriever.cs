using Collab.Indexer.Retrieval;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>The real retriever with one planted passage put first in every result, as a poisoned doc page would be.</summary>
public sealed class PlantedRetriever(IDocumentRetriever inner, DocumentHit planted) : IDocumentRetriever
{
    public async Task<IReadOnlyList<DocumentHit>> SearchAsync(string query, int k, CancellationToken cancellationToken = default) =>
        [planted, .. (await inner.SearchAsync(query, k, cancellationToken)).Take(k - 1)];
}
