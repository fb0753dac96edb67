using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Ingestion;

public class LexicalFirstBuildTests : IDisposable
{
    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();

    public void Dispose()
    {
        _docs.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Questions_are_answered_by_BM25_while_the_passages_are_still_being_embedded()
    {
        _docs.Write("gpus.md", "# GPUs\n\nRequest nvidia.com/gpu in the limits of the container.");
        _docs.Write("storage.md", "# Storage\n\nEvery user gets a persistent volume claim for the home folder.");
        var embeddings = new GatedEmbeddingGenerator();
        using var host = new IndexerHost(_index.Path, embeddings);

        // The query itself is embedded too, so search with a BM25-only retriever while the gate is shut.
        using var lexicalOnly = new IndexerHost(_index.Path);
        var build = host.Builder.BuildLexicalFirstAsync(_docs.Path);
        var hits = await PollAsync(() => lexicalOnly.Retriever.SearchAsync("persistent volume claim", 3));
        Assert.Equal("storage.md", hits[0].Path);
        Assert.False(build.IsCompleted);

        embeddings.Open();
        var summary = await build;
        Assert.True(summary.Published);
        Assert.Equal(2, summary.ChunksInIndex);
        Assert.Equal("gpus.md", (await host.Retriever.SearchAsync("nvidia.com/gpu limits", 3))[0].Path);

        // Up to date: the next start neither republishes BM25 alone nor embeds again.
        var again = await host.Builder.BuildLexicalFirstAsync(_docs.Path);
        Assert.False(again.Published);
    }

    private static async Task<IReadOnlyList<T>> PollAsync<T>(Func<Task<IReadOnlyList<T>>> search)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var found = await search();
            if (found.Count > 0) return found;
            await Task.Delay(50, timeout.Token);
        }
    }
}
