using Collab.Indexer.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Collab.Indexer.Embeddings;

/// <summary>
/// The embedding generator the index is built and searched with, as chosen by <c>Indexer:Embeddings</c>;
/// other features that compare texts by meaning (error signatures) use the same one.
/// </summary>
public sealed class IndexEmbeddings
{
    private IndexEmbeddings(IEmbeddingGenerator<string, Embedding<float>>? generator) => Generator = generator;

    /// <summary>The generator, or null when retrieval is BM25 alone.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Generator { get; }

    internal static IndexEmbeddings Select(IndexerOptions options, IServiceProvider services) => new(options.Embeddings switch
    {
        EmbeddingModel.MiniLM or EmbeddingModel.ArcticXs => services.GetRequiredService<SentenceEmbeddingGenerator>(),
        EmbeddingModel.Host => services.GetService<IEmbeddingGenerator<string, Embedding<float>>>(),
        _ => null,
    });
}
