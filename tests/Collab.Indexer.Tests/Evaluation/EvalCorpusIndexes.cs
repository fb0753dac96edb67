using System.Diagnostics;
using Collab.Indexer.Embeddings;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Evaluation;

/// <summary>
/// The eval corpus indexed once per test class with BM25 alone and, when <c>COLLAB_EVAL_MINILM=1</c>,
/// a second time hybrid on the default packaged embedding model (MiniLM on the CPU): its ~2,900 chunks
/// take many CPU minutes to embed the first time, too long for every run on a 2-core machine; the
/// embeddings are cached on disk between runs. Build times are kept.
/// </summary>
public sealed class EvalCorpusIndexes : IAsyncLifetime
{
    private readonly TempFolder _lexicalFolder = new();
    private readonly TempFolder _hybridFolder = new();
    private IndexerHost _lexical = null!;
    private IndexerHost? _hybrid;

    /// <summary>
    /// Kept between runs (outside the throwaway index folders): the first hybrid run embeds every passage,
    /// later runs take unchanged passages from the cache and build in seconds.
    /// </summary>
    private static string EmbeddingCacheFolder => Path.Combine(Path.GetTempPath(), "collab-eval-embedding-cache");

    public IDocumentRetriever Lexical => _lexical.Retriever;

    /// <summary>The BM25 index's host, for retrievers with other settings.</summary>
    public IndexerHost LexicalHost => _lexical;

    /// <summary>Hybrid retrieval on MiniLM, or null when not asked for.</summary>
    public IDocumentRetriever? Hybrid => _hybrid?.Retriever;

    /// <summary>The hybrid index's host, for retrievers with other ranking weights; null when not built.</summary>
    public IndexerHost? HybridHost => _hybrid;

    public TimeSpan LexicalBuild { get; private set; }

    public TimeSpan HybridBuild { get; private set; }

    public int Chunks { get; private set; }

    public async Task InitializeAsync()
    {
        _lexical = new IndexerHost(_lexicalFolder.Path);
        var stopwatch = Stopwatch.StartNew();
        var summary = await _lexical.Builder.BuildAsync(RepositoryPaths.EvalCorpus);
        LexicalBuild = stopwatch.Elapsed;
        Chunks = summary.ChunksInIndex;
        if (Environment.GetEnvironmentVariable("COLLAB_EVAL_MINILM") != "1") return;
        _hybrid = new IndexerHost(_hybridFolder.Path, model: EmbeddingModel.MiniLM, embeddingCachePath: EmbeddingCacheFolder);
        stopwatch.Restart();
        await _hybrid.Builder.BuildAsync(RepositoryPaths.EvalCorpus);
        HybridBuild = stopwatch.Elapsed;
    }

    public Task DisposeAsync()
    {
        _lexical.Dispose();
        _hybrid?.Dispose();
        _lexicalFolder.Dispose();
        _hybridFolder.Dispose();
        return Task.CompletedTask;
    }
}
