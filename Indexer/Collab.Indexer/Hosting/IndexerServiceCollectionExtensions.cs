using Collab.Indexer.Embeddings;
using Collab.Indexer.Ingestion;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Storage;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Collab.Indexer.Hosting;

public static class IndexerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the index builder and <see cref="IDocumentRetriever"/> over the index at
    /// <c>Indexer:IndexPath</c>. Vectors go to Qdrant when <c>Qdrant:Url</c> is set, else into the
    /// snapshot itself. Retrieval is hybrid (BM25 fused with vectors) on the model
    /// <c>Indexer:Embeddings</c> names: by default MiniLM, which ships in the build and runs on the
    /// CPU; <c>Host</c> uses the host's <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>;
    /// <c>None</c> is BM25 alone. Options are validated at start.
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
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IndexerOptions>>().Value;
            return new SentenceEmbeddingGenerator(options.Embeddings == EmbeddingModel.ArcticXs ? EmbeddingModel.ArcticXs : EmbeddingModel.MiniLM, options.EmbeddingMaxChars);
        });
        services.TryAddSingleton(sp => IndexEmbeddings.Select(sp.GetRequiredService<IOptions<IndexerOptions>>().Value, sp));
        services.TryAddSingleton(sp => new IndexBuilder(
            sp.GetRequiredService<IndexSnapshotStore>(), sp.GetRequiredService<IVectorStore>(), sp.GetRequiredService<IOptions<IndexerOptions>>(),
            sp.GetRequiredService<ILogger<IndexBuilder>>(), sp.GetRequiredService<IndexEmbeddings>().Generator));
        services.TryAddSingleton(sp => new DocumentRetriever(
            sp.GetRequiredService<IndexSnapshotStore>(), sp.GetRequiredService<IVectorStore>(), sp.GetRequiredService<IndexEmbeddings>().Generator,
            sp.GetRequiredService<IOptions<IndexerOptions>>().Value.MinVectorSimilarity));
        services.TryAddSingleton<IDocumentRetriever>(sp => sp.GetRequiredService<DocumentRetriever>());
        return services;
    }
}
