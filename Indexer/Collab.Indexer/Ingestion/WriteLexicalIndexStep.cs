using Collab.Indexer.Lexical;
using Collab.Indexer.Storage;

namespace Collab.Indexer.Ingestion;

/// <summary>
/// Writes a new snapshot: a copy of the base snapshot with the changed and removed files' chunks
/// deleted and the new chunks added, plus the manifest that describes it.
/// </summary>
internal sealed class WriteLexicalIndexStep : IIngestionStep
{
    public string Name => "write index";

    public Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        if (!context.HasChanges) return Task.CompletedTask;
        context.NewSnapshot = context.Store.CreateSnapshot(context.BaseSnapshot);
        var total = context.NewChunks.Count;
        using (var writer = new LexicalIndexWriter(IndexSnapshotStore.LexicalPath(context.NewSnapshot)))
        {
            foreach (var file in context.Changed) writer.DeleteFile(file.Path);
            foreach (var path in context.Removed) writer.DeleteFile(path);
            var done = 0;
            foreach (var (path, file) in context.NewChunks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                context.Progress?.Report(new IngestionProgress(Name, done++, total, path));
                writer.AddChunks(file.Chunks);
            }
            writer.Commit();
        }

        var manifest = new IndexManifest { SettingsFingerprint = context.SettingsFingerprint };
        foreach (var path in context.Unchanged) manifest.Files[path] = context.PreviousManifest.Files[path];
        foreach (var (path, file) in context.NewChunks)
            manifest.Files[path] = new IndexedFile(file.ContentHash, file.Chunks.Select(c => c.Id).ToList());
        context.NewManifest = manifest;
        context.Progress?.Report(new IngestionProgress(Name, total, total));
        return Task.CompletedTask;
    }
}
