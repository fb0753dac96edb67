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
    private readonly RankingWeights _weights;

    /// <param name="store">The published index snapshots.</param>
    /// <param name="vectors">Where the chunks' vectors live (the snapshot or Qdrant).</param>
    /// <param name="embeddings">Embeds the query; without it retrieval is BM25 only.</param>
    /// <param name="minSimilarity">
    /// Vector matches below this cosine are dropped: nearest neighbours always exist, so without a floor
    /// a question the documentation does not cover would still be "answered" with unrelated passages.
    /// </param>
    public DocumentRetriever(IndexSnapshotStore store, IVectorStore vectors, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null, float minSimilarity = 0.25f)
        : this(store, vectors, embeddings, minSimilarity, RankingWeights.Default)
    {
    }

    internal DocumentRetriever(IndexSnapshotStore store, IVectorStore vectors, IEmbeddingGenerator<string, Embedding<float>>? embeddings, float minSimilarity, RankingWeights weights)
    {
        _weights = weights;
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
            var translation = QueryTranslator.Translate(query, lexical.Vocabulary);
            var terms = lexical.Queries.Analyze(translation.Text);
            if (_weights.AskedBoost != 1 && !translation.IsTranslated && AskingSentence.Find(query) is { } asked)
                terms = terms with { Asked = lexical.Queries.Analyze(asked).Stemmed.ToHashSet(StringComparer.Ordinal) };
            var chunkMatches = terms.IsEmpty ? [] : lexical.SearchChunks(terms, Candidates,
                correctSpelling: _weights.CorrectSpelling && !translation.IsTranslated, _weights.AskedBoost);
            // Passages of a product the question's words do not name, when they name another, count less (SourceScope).
            var scope = _weights.OutsideScope < 1 ? lexical.Scope.Of(terms, ChunkFields.Chunk.Body) : null;
            var lexicalChunks = chunkMatches.Select(m => new ScoredChunkDoc(m.DocId, m.Path,
                scope is not null && lexical.Scope.IsOutside(m.Path, scope) ? m.Score * _weights.OutsideScope : m.Score)).ToList();
            // A lexical share of 1 gives the vectors no say: skip embedding the query.
            var files = _embeddings is null || _weights.ShareOfLexical(translation.IsTranslated) >= 1
                ? FileRanking.Rank(lexicalChunks)
                : FuseFiles(lexicalChunks, await SearchVectorsAsync(snapshot, translation.Text, cancellationToken), translation.IsTranslated);

            return files
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

    private async Task<List<ScoredChunkDoc>> SearchVectorsAsync(OpenSnapshot snapshot, string query, CancellationToken cancellationToken)
    {
        var embedding = await _embeddings!.GenerateAsync(query, cancellationToken: cancellationToken);
        var matches = await _vectors.SearchAsync(snapshot.Path, embedding.Vector, Candidates, cancellationToken);
        // A shared store (Qdrant) may hold chunks of a newer or older snapshot; only this snapshot's count.
        return matches
            .Where(m => m.Score >= _minSimilarity)
            .Select(m => (Match: m, DocId: snapshot.Lexical.FindChunk(m.ChunkId)))
            .Where(m => m.DocId is not null)
            .Select(m => new ScoredChunkDoc(m.DocId!.Value, snapshot.Lexical.PathOf(m.DocId.Value), m.Match.Score))
            .ToList();
    }

    private IReadOnlyList<RankedFile> FuseFiles(List<ScoredChunkDoc> lexical, List<ScoredChunkDoc> semantic, bool translated)
    {
        var share = _weights.ShareOfLexical(translated);
        var lexicalFiles = FileRanking.Rank(lexical);
        var semanticFiles = FileRanking.Rank(semantic);
        return _weights.Method == FusionMethod.Rrf
            ? FileFusion.ReciprocalRank(lexicalFiles, semanticFiles, share, _weights.RrfK)
            : FileFusion.Convex(lexicalFiles, semanticFiles, share, _minSimilarity);
    }

    public void Dispose() => _snapshots.Dispose();
}
