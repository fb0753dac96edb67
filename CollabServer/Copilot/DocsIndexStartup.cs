using Collab.Indexer.Ingestion;
using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>
/// Builds (or brings up to date) the documentation index in the background once the host has
/// started, so start-up is not blocked; until the first snapshot is published the copilot says
/// it found no passages. A BM25-only snapshot is published first when the passages still need
/// embedding, so answers do not wait for the model. The build is incremental and embeddings are
/// cached on disk, so restarts over unchanged docs are cheap.
/// </summary>
internal sealed class DocsIndexStartup(
    IndexBuilder builder,
    IOptions<CopilotDocsOptions> options,
    DocsFolder docsFolder,
    IHostEnvironment environment,
    ILogger<DocsIndexStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IndexOnStart) return;
        var folder = docsFolder.Path;
        if (folder is null)
        {
            logger.LogWarning("No documentation folder: set Copilot:Docs:Path (no docs-corpus found above {Root}); the copilot uses whatever index exists", environment.ContentRootPath);
            return;
        }
        await Task.Yield();
        try
        {
            var summary = await builder.BuildLexicalFirstAsync(folder, cancellationToken: stoppingToken);
            logger.LogInformation("Documentation index of {Folder} is ready: {Summary}", folder, summary);
            // The build's garbage (the tokenizer's tables, parsed pages: some 20 MB on a first start)
            // is all in the oldest generation by now, and a quiet server may not collect it for
            // hours: collect once, so its memory goes back to the system instead of staying resident.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Indexing the documentation in {Folder} failed; the copilot keeps the previous index, if any", folder);
        }
    }
}
