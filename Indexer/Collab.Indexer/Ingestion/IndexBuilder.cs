using System.Diagnostics;
using Collab.Indexer.Chunking;
using Collab.Indexer.Hosting;
using Collab.Indexer.Storage;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Ingestion;

/// <summary>
/// Indexes a directory of Markdown into the index folder: only new and modified files are chunked and
/// embedded, deleted ones are dropped, and the result is published atomically as a new snapshot.
/// </summary>
public sealed class IndexBuilder
{
    /// <summary>Bump when chunking or analysis changes what is written, so old snapshots are rebuilt.</summary>
    private const string FormatVersion = "1";

    private readonly IndexSnapshotStore _store;
    private readonly ILogger<IndexBuilder> _logger;
    private readonly string _settingsFingerprint;
    private readonly IReadOnlyList<IIngestionStep> _steps;

    public IndexBuilder(
        IndexSnapshotStore store,
        IVectorStore vectors,
        IOptions<IndexerOptions> options,
        ILogger<IndexBuilder> logger,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
    {
        _store = store;
        _logger = logger;
        var settings = options.Value;
        var chunker = new MarkdownChunker(new ChunkingOptions { MaxTokens = settings.MaxChunkTokens }, new TiktokenTokenCounter());
        _settingsFingerprint = Fingerprint(settings, embeddings);
        _steps =
        [
            new DetectChangesStep(settings.FileExtensions),
            new ChunkDocumentsStep(chunker),
            new EmbedChunksStep(embeddings, settings.EmbeddingBatchSize),
            new WriteLexicalIndexStep(),
            new WriteVectorsStep(vectors),
            new PublishSnapshotStep(),
        ];
    }

    public async Task<IngestionSummary> BuildAsync(string sourceDirectory, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(sourceDirectory)) throw new DirectoryNotFoundException($"Source directory not found: {sourceDirectory}");
        var stopwatch = Stopwatch.StartNew();
        using var writeLock = _store.AcquireWriteLock();

        var context = new IngestionContext(sourceDirectory, _store, _settingsFingerprint, progress);
        try
        {
            foreach (var step in _steps)
            {
                _logger.LogDebug("Ingestion step {Step}", step.Name);
                await step.ExecuteAsync(context, cancellationToken);
            }
        }
        catch when (context.NewSnapshot is not null && !context.Published)
        {
            TryDelete(context.NewSnapshot);
            throw;
        }

        foreach (var warning in context.Warnings)
            _logger.LogWarning("Skipped {Path}: {Reason}", warning.Path, warning.Reason);
        return Summarize(context, stopwatch.Elapsed);
    }

    private static IngestionSummary Summarize(IngestionContext context, TimeSpan elapsed)
    {
        var updated = context.NewChunks.Keys.Count(p => context.BaseSnapshot is not null && context.PreviousManifest.Files.ContainsKey(p));
        var manifest = context.NewManifest ?? context.PreviousManifest;
        return new IngestionSummary(
            FilesSeen: context.FilesSeen,
            Added: context.NewChunks.Count - updated,
            Updated: updated,
            Unchanged: context.Unchanged.Count,
            Deleted: context.Removed.Count,
            ChunksWritten: context.NewChunks.Values.Sum(f => f.Chunks.Count),
            ChunksInIndex: manifest.Files.Values.Sum(f => f.ChunkIds.Count),
            Warnings: context.Warnings,
            Published: context.Published,
            SnapshotPath: context.Published ? context.NewSnapshot : context.Store.CurrentSnapshotPath(),
            Elapsed: elapsed);
    }

    private static string Fingerprint(IndexerOptions settings, IEmbeddingGenerator<string, Embedding<float>>? embeddings)
    {
        var metadata = embeddings?.GetService<EmbeddingGeneratorMetadata>();
        var model = embeddings is null ? "none" : $"{metadata?.ProviderName}/{metadata?.DefaultModelId}/{metadata?.DefaultModelDimensions}";
        return $"format={FormatVersion};max-tokens={settings.MaxChunkTokens};embeddings={model}";
    }

    private void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning("Could not remove unpublished snapshot {Folder}: {Reason}", folder, e.Message);
        }
    }
}
