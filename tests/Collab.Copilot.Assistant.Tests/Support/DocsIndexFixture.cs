using Collab.Indexer.Hosting;
using Collab.Indexer.Ingestion;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>The real index of <c>docs-corpus/</c>, built once per test collection into a temporary folder.</summary>
public sealed class DocsIndexFixture : IAsyncLifetime
{
    private readonly string _indexPath = Directory.CreateTempSubdirectory("collab-copilot-index-").FullName;
    private ServiceProvider _services = null!;

    public IDocumentRetriever Retriever => _services.GetRequiredService<IDocumentRetriever>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Indexer:IndexPath"] = _indexPath,
                // Answers are tested over BM25 so the fixture does not wait for embeddings; retrieval on the
                // default model (MiniLM) is measured in Collab.Indexer.Tests.
                ["Indexer:Embeddings"] = "None",
            }).Build();
        _services = new ServiceCollection().AddCollabIndexer(configuration).BuildServiceProvider();
        _services.GetRequiredService<IStartupValidator>().Validate();
        await _services.GetRequiredService<IndexBuilder>().BuildAsync(RepositoryPaths.DocsCorpus);
    }

    public Task DisposeAsync()
    {
        _services.Dispose();
        try { Directory.Delete(_indexPath, recursive: true); }
        catch (IOException) { }
        return Task.CompletedTask;
    }
}
