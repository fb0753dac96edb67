using Collab.Indexer.Lexical;
using Collab.Indexer.Storage;
using Collab.Indexer.Translation;
using Collab.Indexer.Vectors;
using Microsoft.Extensions.AI;

namespace Collab.Indexer.Retrieval;

/// <summary>
/// BM25 over the live snapshot's chunks, fused with vector search by reciprocal rank when an embedding
/// generator is available; results are ranked per file. Questions in the platforms' other languages
/// are first rewritten into the English documentation's terms (<see cref="QueryTranslator"/>).
/// </summary>
public sealed class DocumentRetriever : IDocumentRetriever, IDisposable
{
    /// <summary>Candidates drawn from each ranking before fusing and grouping by file.</summary>
    private const int Candidates = 100;

    private readonly CurrentSnapshotTracker _snapshots;
    private readonly IVectorStore _vectors;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly float _minSimilarity;

    /// <param name="store">The published index snapshots.</param>
    /// <param name="vectors">Where the chunks' vectors live (the snapshot or Qdrant).</param>
    /// <param name="embeddings">Embeds the query; without it retrieval is BM25 only.</param>
    /// <param name="minSimilarity">
    /// Vector matches below this cosine are dropped: nearest neighbours always exist, so without a floor
    /// a question the documentation does not cover would still be "answered" with unrelated passages.
    /// </param>
    public DocumentRetriever(IndexSnapshotStore store, IVectorStore vectors, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, float minSimilarity = 0.25f)
    {
        _snapshots = new CurrentSnapshotTracker(store);
        _vectors = vectors;
        _embeddings = embeddings;
        _minSimilarity = minSimilarity;
    }

    public async Task<IReadOnlyList<DocumentHit>> SearchAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (string.IsNullOrWhiteSpace(query)) return [];
        var snapshot = _snapshots.Acquire();
        if (snapshot is null) return [];
        try
        {
            var lexical = snapshot.Lexical;
            query = QueryTranslator.Translate(query).Text;
            var terms = lexical.Queries.Analyze(query);
            var chunkMatches = terms.IsEmpty ? [] : lexical.SearchChunks(terms, Candidates);
            var chunks = _embeddings is null
                ? chunkMatches.Select(m => new ScoredChunkDoc(m.DocId, m.Path, m.Score)).ToList()
                : await FuseWithVectorsAsync(snapshot, query, chunkMatches, cancellationToken);

            return FileRanking.Rank(chunks)
                .Take(k)
                .Select(file =>
                {
                    var chunk = lexical.LoadChunk(file.BestChunkDoc);
                    return new DocumentHit(chunk.Path, chunk.Anchor, chunk.HeadingPath, chunk.Title, chunk.Text, file.Score);
                })
                .ToList();
        }
        finally
        {
            snapshot.Release();
        }
    }

    private async Task<List<ScoredChunkDoc>> FuseWithVectorsAsync(
        OpenSnapshot snapshot, string query, IReadOnlyList<LexicalMatch> lexical, CancellationToken cancellationToken)
    {
        var embedding = await _embeddings!.GenerateAsync(query, cancellationToken: cancellationToken);
        var matches = await _vectors.SearchAsync(snapshot.Path, embedding.Vector, Candidates, cancellationToken);
        // A shared store (Qdrant) may hold chunks of a newer or older snapshot; only this snapshot's count.
        var semantic = matches.Where(m => m.Score >= _minSimilarity).Select(m => snapshot.Lexical.FindChunk(m.ChunkId)).OfType<int>().ToList();

        var fused = ReciprocalRankFusion.Fuse(lexical.Select(m => m.DocId).ToList(), semantic);
        return fused.Select(f => new ScoredChunkDoc(f.Key, snapshot.Lexical.PathOf(f.Key), f.Value)).ToList();
    }

    public void Dispose() => _snapshots.Dispose();
}
