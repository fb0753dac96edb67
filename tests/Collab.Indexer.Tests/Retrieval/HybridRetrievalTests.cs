using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Retrieval;

public class HybridRetrievalTests : IDisposable
{
    private readonly TempFolder _docs = new();
    private readonly TempFolder _index = new();

    public HybridRetrievalTests()
    {
        _docs.Write("scheduling/preemption.md", "# Preemption\n\nHigher priority workloads evict lower priority ones when the quota is used up.");
        _docs.Write("storage/buckets.md", "# Buckets\n\nProject volumes and S3 buckets on MinIO.");
        _docs.Write("gpus/mig.md", "# MIG slices\n\nRequest a slice such as nvidia.com/mig-1g.10gb.");
    }

    public void Dispose()
    {
        _docs.Dispose();
        _index.Dispose();
    }

    [Fact]
    public async Task Vector_search_finds_what_bm25_cannot_match()
    {
        using var host = new IndexerHost(_index.Path, new HashedNgramEmbeddingGenerator());
        await host.Builder.BuildAsync(_docs.Path);

        var hits = await host.Retriever.SearchAsync("preemptoin", 3);
        Assert.Equal("scheduling/preemption.md", hits[0].Path);
        Assert.Equal("preemption", hits[0].Anchor);
    }

    [Fact]
    public async Task Without_an_embedding_generator_retrieval_is_bm25_alone()
    {
        using var host = new IndexerHost(_index.Path);
        await host.Builder.BuildAsync(_docs.Path);

        // A word found nowhere in the docs matches its close spellings, without any model.
        Assert.Equal("scheduling/preemption.md", (await host.Retriever.SearchAsync("preemptoin", 3))[0].Path);
        Assert.Equal("gpus/mig.md", (await host.Retriever.SearchAsync("nvidia.com/mig-1g.10gb", 3))[0].Path);
    }

    [Fact]
    public async Task Fusion_keeps_exact_identifier_matches_on_top()
    {
        using var host = new IndexerHost(_index.Path, new HashedNgramEmbeddingGenerator());
        await host.Builder.BuildAsync(_docs.Path);

        var hit = (await host.Retriever.SearchAsync("How do I request nvidia.com/mig-1g.10gb?", 3))[0];
        Assert.Equal("gpus/mig.md", hit.Path);
        Assert.Equal("gpus/mig.md#mig-slices", hit.Citation);
        Assert.Equal(["MIG slices"], hit.HeadingPath);
    }

    [Fact]
    public async Task Vectors_are_persisted_in_the_snapshot_beside_the_lexical_index()
    {
        using (var host = new IndexerHost(_index.Path, new HashedNgramEmbeddingGenerator()))
            await host.Builder.BuildAsync(_docs.Path);

        var snapshot = Assert.Single(Directory.GetDirectories(_index.Combine("snapshots")));
        Assert.True(File.Exists(Path.Combine(snapshot, "vectors.bin")));
        Assert.True(Directory.Exists(Path.Combine(snapshot, "lexical")));

        using var reopened = new IndexerHost(_index.Path, new HashedNgramEmbeddingGenerator());
        Assert.Equal("scheduling/preemption.md", (await reopened.Retriever.SearchAsync("preemptoin", 3))[0].Path);
    }
}
