using Collab.Indexer.Chunking;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.AI;

namespace Collab.Indexer.Ingestion;

/// <summary>Embeds the new chunks, in batches; skipped when no embedding generator is registered.</summary>
internal sealed class EmbedChunksStep(IEmbeddingGenerator<string, Embedding<float>>? embeddings, int batchSize) : IIngestionStep
{
    public string Name => "embed";

    public async Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        if (embeddings is null) return;
        var chunks = context.NewChunks.Values.SelectMany(f => f.Chunks).ToList();
        for (var start = 0; start < chunks.Count; start += batchSize)
        {
            context.Progress?.Report(new IngestionProgress(Name, start, chunks.Count, chunks[start].Path));
            var batch = chunks.Skip(start).Take(batchSize).ToList();
            var vectors = await embeddings.GenerateAsync(batch.Select(EmbeddingInput), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Count; i++)
                context.NewVectors.Add(new ChunkVector(batch[i].Id, batch[i].Path, vectors[i].Vector));
        }
        context.Progress?.Report(new IngestionProgress(Name, chunks.Count, chunks.Count));
    }

    /// <summary>The title and headings give a passage the context its own words often lack.</summary>
    internal static string EmbeddingInput(Chunk chunk) =>
        $"{chunk.Title}\n{string.Join(" > ", chunk.HeadingPath)}\n\n{chunk.Text}";
}
