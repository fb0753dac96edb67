using Collab.Indexer.Tests.Support;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Tests.Vectors;

public class QdrantVectorStoreTests
{
    [QdrantFact]
    public async Task Upserts_searches_and_deletes_points_by_chunk_id()
    {
        var options = new QdrantOptions { Url = QdrantFactAttribute.Url, Collection = $"collab-test-{Guid.NewGuid():N}" };
        using var http = new HttpClient();
        var store = new QdrantVectorStore(http, Options.Create(options));
        var embeddings = new HashedNgramEmbeddingGenerator(64);
        var texts = new[] { "preemption of low priority jobs", "MinIO buckets and access keys", "MIG slices of a GPU" };
        var vectors = await embeddings.GenerateAsync(texts);
        try
        {
            await store.ApplyAsync("", new VectorChanges(
                texts.Select((t, i) => new ChunkVector($"chunk-{i}", $"doc{i}.md", vectors[i].Vector)).ToList(), []), default);

            var query = (await embeddings.GenerateAsync(["buckets access keys"]))[0].Vector;
            Assert.Equal("chunk-1", (await store.SearchAsync("", query, 3, default))[0].ChunkId);

            await store.ApplyAsync("", new VectorChanges([], ["chunk-1"]), default);
            Assert.DoesNotContain(await store.SearchAsync("", query, 3, default), m => m.ChunkId == "chunk-1");
        }
        finally
        {
            await http.DeleteAsync($"{options.Url!.TrimEnd('/')}/collections/{options.Collection}");
        }
    }
}
