using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Ingestion;

[Trait("Needs", "Corpus")]
public class IncrementalIndexingTests : IDisposable
{
    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();

    public void Dispose()
    {
        _docs.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Reindexing_skips_unchanged_files_updates_changed_ones_and_drops_deleted_ones()
    {
        _docs.Write("gpus.md", "---\ntitle: GPUs\n---\n# GPUs\n\nRequest nvidia.com/gpu in limits.");
        _docs.Write("storage/minio.md", "# MinIO\n\nCreate access keys for your bucket (zebrafish).");
        _docs.Write("jobs.md", "# Jobs\n\nSubmit a Job to the LocalQueue of your project (walrus).");
        using var host = new IndexerHost(_index.Path);

        var first = await host.Builder.BuildAsync(_docs.Path);
        Assert.Equal((3, 0, 0, 0), (first.Added, first.Updated, first.Unchanged, first.Deleted));
        Assert.True(first.Published);

        var unchanged = await host.Builder.BuildAsync(_docs.Path);
        Assert.Equal((0, 0, 3, 0), (unchanged.Added, unchanged.Updated, unchanged.Unchanged, unchanged.Deleted));
        Assert.False(unchanged.Published);
        Assert.Equal(first.SnapshotPath, unchanged.SnapshotPath);

        _docs.Write("jobs.md", "# Jobs\n\nSubmit a Job with the kueue.x-k8s.io/queue-name label (narwhal).");
        File.Delete(_docs.Combine("storage/minio.md"));
        var changed = await host.Builder.BuildAsync(_docs.Path);
        Assert.Equal((0, 1, 1, 1), (changed.Added, changed.Updated, changed.Unchanged, changed.Deleted));
        Assert.Equal(1, changed.ChunksWritten);

        Assert.Empty(await host.Retriever.SearchAsync("zebrafish", 5));
        Assert.Empty(await host.Retriever.SearchAsync("walrus", 5));
        var jobs = Assert.Single(await host.Retriever.SearchAsync("narwhal", 5));
        Assert.Equal("jobs.md", jobs.Path);
        Assert.Equal("gpus.md", (await host.Retriever.SearchAsync("nvidia.com/gpu", 5))[0].Path);
    }

    [Fact]
    public async Task Unchanged_files_are_not_embedded_again()
    {
        _docs.Write("a.md", "# A\n\nalpha text");
        _docs.Write("b.md", "# B\n\nbeta text");
        var embeddings = new HashedNgramEmbeddingGenerator();
        using var host = new IndexerHost(_index.Path, embeddings);

        await host.Builder.BuildAsync(_docs.Path);
        var callsAfterFirstBuild = embeddings.Calls;
        await host.Builder.BuildAsync(_docs.Path);
        Assert.Equal(callsAfterFirstBuild, embeddings.Calls);

        _docs.Write("b.md", "# B\n\nbeta text, revised");
        var summary = await host.Builder.BuildAsync(_docs.Path);
        Assert.Equal(1, summary.ChunksWritten);
        Assert.Equal(callsAfterFirstBuild + 1, embeddings.Calls);
    }

    [Fact]
    public async Task Changing_the_chunk_bound_rebuilds_everything()
    {
        _docs.Write("a.md", "# A\n\nalpha text");
        using (var host = new IndexerHost(_index.Path, maxChunkTokens: 400)) await host.Builder.BuildAsync(_docs.Path);
        using (var host = new IndexerHost(_index.Path, maxChunkTokens: 200))
        {
            var summary = await host.Builder.BuildAsync(_docs.Path);
            Assert.True(summary.Published);
            Assert.Equal(1, summary.ChunksWritten);
            Assert.Single(await host.Retriever.SearchAsync("alpha", 5));
        }
    }
}
