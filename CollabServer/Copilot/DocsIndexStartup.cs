using Microsoft.Extensions.Options;

namespace Collab.Server.Copilot;

/// <summary>
/// Starts the documentation index's build once the host has started when <c>Copilot:Docs:IndexOnStart</c>
/// asks for it, so start-up is not blocked; until the first snapshot is published the copilot says it
/// found no passages. Otherwise the build waits for the copilot's first docs search
/// (<see cref="DocsIndexOnFirstSearch"/>): a server whose users never ask does not hold the build's
/// code and tables (about 6 MB of resident memory with BM25 alone).
/// </summary>
internal sealed class DocsIndexStartup(
    DocsIndexBuild build,
    IOptions<CopilotDocsOptions> options,
    ILogger<DocsIndexStartup> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IndexOnStart) return build.Start(atStart: true);
        if (options.Value.IndexOnFirstSearch) logger.LogInformation("The documentation index is built or updated on the copilot's first docs search");
        return Task.CompletedTask;
    }
}
