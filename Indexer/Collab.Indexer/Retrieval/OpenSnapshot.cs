using Collab.Indexer.Lexical;
using Collab.Indexer.Storage;
using Microsoft.Extensions.AI;

namespace Collab.Indexer.Retrieval;

/// <summary>
/// A published snapshot opened for reading, reference-counted so a swap can retire it while queries
/// that started on it finish on it.
/// </summary>
internal sealed class OpenSnapshot
{
    private int _references = 1;

    public OpenSnapshot(string name, string path)
    {
        Name = name;
        Path = path;
        Lexical = new LexicalSearcher(IndexSnapshotStore.LexicalPath(path));
    }

    public string Name { get; }
    public string Path { get; }
    public LexicalSearcher Lexical { get; }

    /// <summary>
    /// The documentation's words with their embeddings (<see cref="RelatedWords"/>), embedded on first use and kept while
    /// the snapshot is open: a few thousand short words, seconds of CPU once instead of at every start.
    /// </summary>
    public Task<RelatedWords> RelatedWords(IEmbeddingGenerator<string, Embedding<float>> embeddings, int minLength)
    {
        lock (_relatedLock)
            return _related ??= Collab.Indexer.Retrieval.RelatedWords.EmbedAsync(Lexical.Words(minLength, MinRelatedDocFreq), embeddings);
    }

    /// <summary>Words of a single passage are names and typos as often as vocabulary.</summary>
    private const int MinRelatedDocFreq = 2;

    private readonly Lock _relatedLock = new();
    private Task<RelatedWords>? _related;

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Lexical.Dispose();
    }
}
