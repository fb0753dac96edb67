using Collab.Indexer.Chunking;
using Collab.Indexer.Embeddings;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.AI;

namespace Collab.Indexer.Ingestion;

/// <summary>
/// Embeds the new chunks, in batches; skipped when no embedding generator is registered. Passages whose
/// exact text was embedded before (by any build over this cache) are taken from the cache instead.
/// </summary>
internal sealed class EmbedChunksStep(IEmbeddingGenerator<string, Embedding<float>>? embeddings, int batchSize, Func<EmbeddingCache>? cache) : IIngestionStep
{
    public string Name => "embed";

    public async Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        if (embeddings is null) return;
        var chunks = context.NewChunks.Values.SelectMany(f => f.Chunks).ToList();
        var store = cache?.Invoke();
        var missing = new List<(Chunk Chunk, string Input)>();
        foreach (var chunk in chunks)
        {
            var input = EmbeddingInput(chunk);
            if (store is not null && store.TryGet(input, out var cached)) context.NewVectors.Add(new ChunkVector(chunk.Id, chunk.Path, cached));
            else missing.Add((chunk, input));
        }
        context.CachedEmbeddings = chunks.Count - missing.Count;
        for (var start = 0; start < missing.Count; start += batchSize)
        {
            context.Progress?.Report(new IngestionProgress(Name, start, missing.Count, missing[start].Chunk.Path));
            var batch = missing.Skip(start).Take(batchSize).ToList();
            var vectors = await embeddings.GenerateAsync(batch.Select(b => b.Input), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Count; i++)
                context.NewVectors.Add(new ChunkVector(batch[i].Chunk.Id, batch[i].Chunk.Path, vectors[i].Vector));
            store?.Add(batch.Select((b, i) => (b.Input, vectors[i].Vector)).ToList());
        }
        // A full build has looked up every passage of the corpus: drop what no passage uses any more.
        if (context.BaseSnapshot is null) store?.Compact(chunks.Select(EmbeddingInput));
        context.Progress?.Report(new IngestionProgress(Name, missing.Count, missing.Count));
    }

    /// <summary>The title and headings give a passage the context its own words often lack.</summary>
    internal static string EmbeddingInput(Chunk chunk) =>
        $"{chunk.Title}\n{string.Join(" > ", chunk.HeadingPath)}\n\n{chunk.Text}";
}
