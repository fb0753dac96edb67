using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>
/// Starts the documentation index's build on the copilot's first docs search
/// (<c>Copilot:Docs:IndexOnFirstSearch</c>). A search waits only while no snapshot exists at all (a
/// first start: the BM25 snapshot takes seconds), never for embedding; over an index left by an earlier
/// run it answers at once while the build brings that index up to date.
/// </summary>
internal sealed class DocsIndexOnFirstSearch(
    IDocumentRetriever inner,
    DocsIndexBuild build,
    IndexSnapshotStore store,
    IOptions<CopilotDocsOptions> options) : IDocumentRetriever
{
    private static readonly TimeSpan SnapshotPoll = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyList<DocumentHit>> SearchAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        if (options.Value.IndexOnFirstSearch)
        {
            var building = build.Start(atStart: false);
            while (!building.IsCompleted && store.ReadCurrentName() is null)
            {
                await Task.WhenAny(building, Task.Delay(SnapshotPoll, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return await inner.SearchAsync(query, k, cancellationToken);
    }
}
