using Collab.Indexer.Ingestion;
using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>
/// Builds (or brings up to date) the documentation index once per process, in the background: at
/// start (<c>Copilot:Docs:IndexOnStart</c>) or on the copilot's first docs search
/// (<c>Copilot:Docs:IndexOnFirstSearch</c>). A BM25-only snapshot is published first when the
/// passages still need embedding, so answers do not wait for the model. The build is incremental
/// and embeddings are cached on disk, so restarts over unchanged docs are cheap.
/// </summary>
internal sealed class DocsIndexBuild
{
    private readonly IndexBuilder _builder;
    private readonly DocsFolder _docsFolder;
    private readonly IHostEnvironment _environment;
    private readonly CancellationToken _stopping;
    private readonly ILogger<DocsIndexBuild> _logger;
    private readonly Lock _gate = new();
    private Task? _run;

    public DocsIndexBuild(IndexBuilder builder, DocsFolder docsFolder, IHostEnvironment environment,
        IHostApplicationLifetime lifetime, ILogger<DocsIndexBuild> logger)
    {
        _builder = builder;
        _docsFolder = docsFolder;
        _environment = environment;
        _stopping = lifetime.ApplicationStopping;
        _logger = logger;
    }

    /// <summary>Starts the build unless this process started it already; the task ends with it (it never faults).</summary>
    public Task Start(bool atStart)
    {
        lock (_gate) return _run ??= Task.Run(() => RunAsync(atStart));
    }

    private async Task RunAsync(bool atStart)
    {
        var folder = _docsFolder.Path;
        if (folder is null)
        {
            _logger.LogWarning("No documentation folder: set Copilot:Docs:Path (no docs-corpus found above {Root}); the copilot uses whatever index exists", _environment.ContentRootPath);
            return;
        }
        try
        {
            var summary = await _builder.BuildLexicalFirstAsync(folder, cancellationToken: _stopping);
            _logger.LogInformation("Documentation index of {Folder} is ready: {Summary}", folder, summary);
            // The build's garbage (the tokenizer's tables, parsed pages: some 20 MB on a first start)
            // is all in the oldest generation by now, and a quiet server may not collect it for hours.
            // At start nothing else runs yet: collect and compact once, so that memory goes back to
            // the system. Later, rooms are live: a background collection frees it without a pause.
            if (atStart) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            else GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Indexing the documentation in {Folder} failed; the copilot keeps the previous index, if any", folder);
        }
    }
}
