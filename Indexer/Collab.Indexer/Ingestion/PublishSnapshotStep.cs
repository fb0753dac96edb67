using Collab.Indexer.Storage;

namespace Collab.Indexer.Ingestion;

/// <summary>Saves the manifest into the new snapshot and swaps it in as the live index.</summary>
internal sealed class PublishSnapshotStep : IIngestionStep
{
    public string Name => "publish";

    public Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        if (context.NewSnapshot is null || context.NewManifest is null) return Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
        context.NewManifest.Save(IndexSnapshotStore.ManifestPath(context.NewSnapshot));
        context.Store.Publish(context.NewSnapshot);
        context.Published = true;
        return Task.CompletedTask;
    }
}
