namespace Collab.Server.Tests.Support;

/// <summary>
/// One in-process server per class serving the repository's <c>docs-corpus</c> pages (not indexed),
/// for classes whose tests only read (GETs of pages and headers), so one test cannot change what
/// another sees.
/// </summary>
public sealed class DocsPagesServer : IAsyncLifetime
{
    public InProcessServer Server { get; } = new(new Dictionary<string, string>
    {
        ["Copilot:Docs:Path"] = Path.Combine(RepoPaths.Root, "docs-corpus"),
        ["Copilot:Docs:IndexOnStart"] = "false",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
