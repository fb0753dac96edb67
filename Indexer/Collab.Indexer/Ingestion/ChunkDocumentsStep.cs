using Collab.Indexer.Chunking;
using Collab.Indexer.Documents;

namespace Collab.Indexer.Ingestion;

/// <summary>Parses and chunks the changed files; a file that cannot be parsed is left out with a warning.</summary>
/// <param name="newChunker">Makes the chunker for one run: its tokenizer's tables are held only while the run lasts.</param>
internal sealed class ChunkDocumentsStep(Func<MarkdownChunker> newChunker) : IIngestionStep
{
    public string Name => "chunk";

    public Task ExecuteAsync(IngestionContext context, CancellationToken cancellationToken)
    {
        var chunker = newChunker();
        for (var i = 0; i < context.Changed.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = context.Changed[i];
            context.Progress?.Report(new IngestionProgress(Name, i, context.Changed.Count, file.Path));
            try
            {
                var document = SourceDocumentReader.Read(file.Path, file.Content);
                context.NewChunks[file.Path] = (file.ContentHash, chunker.Chunk(document));
            }
            catch (InvalidDocumentException e)
            {
                context.Warn(file.Path, e.Message);
            }
        }
        context.Progress?.Report(new IngestionProgress(Name, context.Changed.Count, context.Changed.Count));
        return Task.CompletedTask;
    }
}
