using System.Diagnostics;
using Collab.Indexer.Embeddings;
using Collab.Indexer.Retrieval;
using Collab.Indexer.Tests.Support;

namespace Collab.Indexer.Tests.Evaluation;

/// <summary>
/// The eval corpus indexed twice, once per test class: BM25 alone, and hybrid on the default packaged
/// embedding model (MiniLM on the CPU). The MiniLM build time is kept to be reported.
/// </summary>
public sealed class EvalCorpusIndexes : IAsyncLifetime
{
    private readonly TempFolder _lexicalFolder = new();
    private readonly TempFolder _hybridFolder = new();
    private IndexerHost _lexical = null!;
    private IndexerHost _hybrid = null!;

    public IDocumentRetriever Lexical => _lexical.Retriever;

    public IDocumentRetriever Hybrid => _hybrid.Retriever;

    public TimeSpan LexicalBuild { get; private set; }

    public TimeSpan HybridBuild { get; private set; }

    public int Chunks { get; private set; }

    public async Task InitializeAsync()
    {
        _lexical = new IndexerHost(_lexicalFolder.Path);
        _hybrid = new IndexerHost(_hybridFolder.Path, model: EmbeddingModel.MiniLM);
        var stopwatch = Stopwatch.StartNew();
        var summary = await _lexical.Builder.BuildAsync(RepositoryPaths.EvalCorpus);
        LexicalBuild = stopwatch.Elapsed;
        Chunks = summary.ChunksInIndex;
        stopwatch.Restart();
        await _hybrid.Builder.BuildAsync(RepositoryPaths.EvalCorpus);
        HybridBuild = stopwatch.Elapsed;
    }

    public Task DisposeAsync()
    {
        _lexical.Dispose();
        _hybrid.Dispose();
        _lexicalFolder.Dispose();
        _hybridFolder.Dispose();
        return Task.CompletedTask;
    }
}
