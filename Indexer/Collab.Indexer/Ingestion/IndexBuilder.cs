using System.Diagnostics;
using Collab.Indexer.Chunking;
using Collab.Indexer.Embeddings;
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
/// Embeddings of passages whose text was embedded before come from an on-disk cache
/// (<c>Indexer:EmbeddingCachePath</c>).
/// </summary>
public sealed class IndexBuilder
{
    /// <summary>Bump when chunking or analysis changes what is written, so old snapshots are rebuilt.</summary>
    private const string FormatVersion = "1";

    private readonly IndexSnapshotStore _store;
    private readonly ILogger<IndexBuilder> _logger;
    private readonly string _settingsFingerprint;
    private readonly string _lexicalFingerprint;
    private readonly IReadOnlyList<IIngestionStep> _steps;
    private readonly IReadOnlyList<IIngestionStep>? _lexicalSteps;

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
        MarkdownChunker NewChunker() => new(new ChunkingOptions { MaxTokens = settings.MaxChunkTokens }, new TiktokenTokenCounter());
        _settingsFingerprint = Fingerprint(settings, embeddings);
        _lexicalFingerprint = Fingerprint(settings, null);
        var cache = embeddings is null ? null : new Lazy<EmbeddingCache>(() => new EmbeddingCache(
            CacheFolder(settings), $"{ModelKey(embeddings)};max-chars={settings.EmbeddingMaxChars}"));
        _steps =
        [
            new DetectChangesStep(settings.FileExtensions),
            new ChunkDocumentsStep(NewChunker),
            new EmbedChunksStep(embeddings, settings.EmbeddingBatchSize, cache is null ? null : () => cache.Value),
            new WriteLexicalIndexStep(),
            new WriteVectorsStep(vectors),
            new PublishSnapshotStep(),
        ];
        if (embeddings is not null)
            _lexicalSteps = [new DetectChangesStep(settings.FileExtensions), new ChunkDocumentsStep(NewChunker), new WriteLexicalIndexStep(), new PublishSnapshotStep()];
    }

    /// <summary>The cache folder: <c>Indexer:EmbeddingCachePath</c>, else <c>embedding-cache</c> inside the index folder.</summary>
    internal static string CacheFolder(IndexerOptions settings) =>
        string.IsNullOrWhiteSpace(settings.EmbeddingCachePath) ? Path.Combine(settings.IndexPath, "embedding-cache") : settings.EmbeddingCachePath;

    /// <summary>
    /// For a server's start: when the live snapshot lacks vectors for the configured model (a first start,
    /// a model change), first publishes a BM25-only snapshot, which takes seconds, so questions are
    /// answered while the passages are embedded (minutes on a CPU); then builds the hybrid snapshot.
    /// Otherwise the same as <see cref="BuildAsync"/>. Returns the last build's summary.
    /// </summary>
    public async Task<IngestionSummary> BuildLexicalFirstAsync(string sourceDirectory, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var live = _store.CurrentSnapshotPath();
        var liveFingerprint = live is null ? null : IndexManifest.Load(IndexSnapshotStore.ManifestPath(live)).SettingsFingerprint;
        if (_lexicalSteps is not null && liveFingerprint != _settingsFingerprint && liveFingerprint != _lexicalFingerprint)
        {
            var lexical = await RunAsync(_lexicalSteps, _lexicalFingerprint, sourceDirectory, progress, cancellationToken);
            _logger.LogInformation("BM25-only index published ({Chunks} chunks); embedding the passages next", lexical.ChunksInIndex);
        }
        return await BuildAsync(sourceDirectory, progress, cancellationToken);
    }

    public Task<IngestionSummary> BuildAsync(string sourceDirectory, IProgress<IngestionProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(_steps, _settingsFingerprint, sourceDirectory, progress, cancellationToken);

    private async Task<IngestionSummary> RunAsync(
        IReadOnlyList<IIngestionStep> steps, string fingerprint, string sourceDirectory, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(sourceDirectory)) throw new DirectoryNotFoundException($"Source directory not found: {sourceDirectory}");
        var stopwatch = Stopwatch.StartNew();
        using var writeLock = _store.AcquireWriteLock();

        var context = new IngestionContext(sourceDirectory, _store, fingerprint, progress);
        try
        {
            foreach (var step in steps)
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
            Elapsed: elapsed,
            EmbeddingsReused: context.CachedEmbeddings);
    }

    private static string Fingerprint(IndexerOptions settings, IEmbeddingGenerator<string, Embedding<float>>? embeddings) =>
        $"format={FormatVersion};max-tokens={settings.MaxChunkTokens};embeddings={(embeddings is null ? "none" : ModelKey(embeddings))}";

    private static string ModelKey(IEmbeddingGenerator<string, Embedding<float>> embeddings)
    {
        var metadata = embeddings.GetService<EmbeddingGeneratorMetadata>();
        return $"{metadata?.ProviderName}/{metadata?.DefaultModelId}/{metadata?.DefaultModelDimensions}";
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
