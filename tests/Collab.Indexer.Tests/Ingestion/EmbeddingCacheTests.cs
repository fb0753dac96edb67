using Collab.Indexer.Embeddings;
using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Ingestion;

public class EmbeddingCacheTests : IDisposable
{
    private readonly TempFolder _docs = new();
    private readonly TempFolder _cache = new();
    private readonly TempFolder _firstIndex = new();
    private readonly TempFolder _secondIndex = new();

    public void Dispose()
    {
        _docs.Dispose();
        _cache.Dispose();
        _firstIndex.Dispose();
        _secondIndex.Dispose();
    }

    [Fact]
    public async Task A_fresh_index_over_the_same_cache_embeds_only_the_passages_whose_text_changed()
    {
        _docs.Write("a.md", "# A\n\nalpha text");
        _docs.Write("b.md", "# B\n\nbeta text");
        _docs.Write("c.md", "# C\n\ngamma text");
        var firstModel = new HashedNgramEmbeddingGenerator();
        using (var first = new IndexerHost(_firstIndex.Path, firstModel, embeddingCachePath: _cache.Path))
        {
            var built = await first.Builder.BuildAsync(_docs.Path);
            Assert.Equal(0, built.EmbeddingsReused);
            Assert.True(firstModel.Calls > 0);
        }

        _docs.Write("b.md", "# B\n\nbeta text, revised");
        var secondModel = new HashedNgramEmbeddingGenerator();
        using var second = new IndexerHost(_secondIndex.Path, secondModel, embeddingCachePath: _cache.Path);
        var rebuilt = await second.Builder.BuildAsync(_docs.Path);

        Assert.Equal(2, rebuilt.EmbeddingsReused);
        Assert.Equal(3, rebuilt.ChunksWritten);
        Assert.Equal(1, secondModel.Calls);
        Assert.Equal("b.md", (await second.Retriever.SearchAsync("revised", 3))[0].Path);
    }

    [Fact]
    public void A_record_cut_short_by_a_crash_is_dropped_and_the_rest_survive()
    {
        var cache = new EmbeddingCache(_cache.Path, "model");
        cache.Add([("one", new float[] { 1, 0 }), ("two", new float[] { 0, 1 })]);
        var file = Directory.GetFiles(_cache.Path).Single();
        using (var stream = File.OpenWrite(file)) stream.SetLength(stream.Length - 3);

        var reopened = new EmbeddingCache(_cache.Path, "model");
        Assert.True(reopened.TryGet("one", out var one));
        Assert.Equal([1f, 0f], one);
        Assert.False(reopened.TryGet("two", out _));

        reopened.Add([("three", new float[] { 0.5f, 0.5f })]);
        var again = new EmbeddingCache(_cache.Path, "model");
        Assert.Equal(2, again.Count);
        Assert.True(again.TryGet("three", out _));
        Assert.Equal(0, new EmbeddingCache(_cache.Path, "another model").Count);
    }

    [Fact]
    public void Compacting_keeps_only_the_texts_still_in_use()
    {
        var cache = new EmbeddingCache(_cache.Path, "model");
        cache.Add([("old", new float[] { 1 }), ("kept", new float[] { 2 })]);
        cache.Compact(["kept", "never embedded"]);

        var reopened = new EmbeddingCache(_cache.Path, "model");
        Assert.Equal(1, reopened.Count);
        Assert.True(reopened.TryGet("kept", out var kept));
        Assert.Equal([2f], kept);
    }
}
