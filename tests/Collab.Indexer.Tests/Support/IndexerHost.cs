using Collab.Indexer.Embeddings;
using Collab.Indexer.Hosting;
using Collab.Indexer.Ingestion;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Tests.Support;

/// <summary>
/// The indexer as a host wires it: <c>AddCollabIndexer</c> over an index folder, options validated.
/// A given generator is used as the host's (<c>Indexer:Embeddings=Host</c>); without one the index is
/// BM25 alone unless <paramref name="model"/> names a packaged model.
/// </summary>
public sealed class IndexerHost : IDisposable
{
    private readonly ServiceProvider _services;

    public IndexerHost(string indexPath, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, int maxChunkTokens = 400,
        EmbeddingModel model = EmbeddingModel.None, string? embeddingCachePath = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Indexer:IndexPath"] = indexPath,
            ["Indexer:MaxChunkTokens"] = maxChunkTokens.ToString(),
            ["Indexer:Embeddings"] = (embeddings is null ? model : EmbeddingModel.Host).ToString(),
            ["Indexer:EmbeddingCachePath"] = embeddingCachePath,
        }).Build();
        var services = new ServiceCollection().AddCollabIndexer(configuration);
        if (embeddings is not null) services.AddSingleton(embeddings);
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<IStartupValidator>().Validate();
    }

    public IndexBuilder Builder => _services.GetRequiredService<IndexBuilder>();

    public IDocumentRetriever Retriever => _services.GetRequiredService<IDocumentRetriever>();

    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
