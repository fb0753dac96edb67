using Collab.Indexer.Vectors;

namespace Collab.Indexer.Ingestion;

/// <summary>Stores the new chunks' vectors and drops those of chunks the new snapshot no longer holds.</summary>
internal sealed class WriteVectorsStep(IVectorStore store) : IIngestionStep
{
    public string Name => "write vectors";

    public async Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        if (context.NewSnapshot is null || context.NewManifest is null) return;
        var kept = context.NewManifest.Files.Values.SelectMany(f => f.ChunkIds).ToHashSet(StringComparer.Ordinal);
        var removed = context.PreviousManifest.Files.Values.SelectMany(f => f.ChunkIds).Where(id => !kept.Contains(id)).ToList();
        var changes = new VectorChanges(context.NewVectors, removed);
        if (changes.IsEmpty) return;
        context.Progress?.Report(new IngestionProgress(Name, 0, 1));
        await store.ApplyAsync(context.NewSnapshot, changes, cancellationToken);
        context.Progress?.Report(new IngestionProgress(Name, 1, 1));
    }
}
