using Collab.Indexer.Ingestion;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Hosting;

public static class IndexerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the index builder and <see cref="IDocumentRetriever"/> over the index at
    /// <c>Indexer:IndexPath</c>. Vectors go to Qdrant when <c>Qdrant:Url</c> is set, else into the
    /// snapshot itself. Retrieval is hybrid when the host registers an
    /// <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>, BM25 alone otherwise.
    /// Options are validated at start.
    /// </summary>
    public static IServiceCollection AddCollabIndexer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndexerOptions>().Bind(configuration.GetSection(IndexerOptions.Section)).ValidateOnStart();
        services.AddOptions<QdrantOptions>().Bind(configuration.GetSection(QdrantOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexerOptions>, IndexerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QdrantOptions>, QdrantOptionsValidator>());
        services.AddLogging();

        services.TryAddSingleton(sp => new IndexSnapshotStore(sp.GetRequiredService<IOptions<IndexerOptions>>().Value.IndexPath));
        if (string.IsNullOrWhiteSpace(configuration[$"{QdrantOptions.Section}:Url"]))
        {
            services.TryAddSingleton<IVectorStore, EmbeddedVectorStore>();
        }
        else
        {
            services.AddHttpClient<QdrantVectorStore>();
            services.TryAddSingleton<IVectorStore>(sp => sp.GetRequiredService<QdrantVectorStore>());
        }
        services.TryAddSingleton<IndexBuilder>();
        services.TryAddSingleton<DocumentRetriever>();
        services.TryAddSingleton<IDocumentRetriever>(sp => sp.GetRequiredService<DocumentRetriever>());
        return services;
    }
}
