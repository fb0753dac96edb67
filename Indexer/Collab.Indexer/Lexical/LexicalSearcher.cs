using Collab.Indexer.Chunking;
using Collab.Indexer.Translation;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Collab.Indexer.Lexical;

/// <summary>
/// BM25 search over the Lucene index of one snapshot; safe for concurrent queries. Hits carry only
/// doc id and path (cached at open), so ranking never touches stored text; winners are loaded after.
/// </summary>
internal sealed class LexicalSearcher : IDisposable
{
    /// <summary>
    /// BM25's term-saturation constant (Lucene's default).
    /// </summary>
    private const float K1 = 1.2f;

    /// <summary>
    /// How much a passage's length discounts its matches (Lucene's default is 0.75). Chunks range from a
    /// two-line heading section to a long reference table; at 0.75 a forum question's words found in the one
    /// long section that answers it lost to short sections that share a single common word. Measured on every
    /// question set (docs/copilot-quality.md): 0.3 to 0.5 measured alike, raising held-out cs, hr, de and the dev paraphrases
    /// and costing one dev and one held-out English question; 0.5 is the least change from the default.
    /// </summary>
    private const float LengthNormalisation = 0.5f;

    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly string?[] _pathByDoc;
    private readonly Dictionary<string, int> _docByChunkId = new(StringComparer.Ordinal);

    public LexicalSearcher(string path)
    {
        _directory = FSDirectory.Open(path);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(K1, LengthNormalisation) };
        _pathByDoc = new string?[_reader.MaxDoc];
        Vocabulary = new LexicalVocabulary(_reader, ChunkFields.Chunk.ExactBody);
        ReadKeys();
        Scope = new SourceScope(_reader, _pathByDoc);
    }

    /// <summary>Which documentation sources a question's words are about.</summary>
    public SourceScope Scope { get; }

    /// <summary>The documentation's unstemmed words, for matching words of translated questions.</summary>
    public IIndexVocabulary Vocabulary { get; }

    public ChunkQueryBuilder Queries { get; } = new();

    /// <param name="terms">The question's words.</param>
    /// <param name="top">How many chunks to return.</param>
    /// <param name="correctSpelling">Let words that occur nowhere in the index match close spellings (for English queries).</param>
    /// <param name="askedBoost">Weight of the words of the sentence that asks (<see cref="QueryTerms.Asked"/>).</param>
    public IReadOnlyList<LexicalMatch> SearchChunks(QueryTerms terms, int top, bool correctSpelling = false, float askedBoost = 1) =>
        _searcher.Search(ChunkQueryBuilder.Build(terms, ChunkFields.Chunk, correctSpelling ? IsUnknown : null, askedBoost), top).ScoreDocs
            .Select(hit => new LexicalMatch(hit.Doc, _pathByDoc[hit.Doc]!, hit.Score))
            .ToList();

    private bool IsUnknown(string bodyTerm) => _reader.DocFreq(new Term(ChunkFields.Chunk.Body, bodyTerm)) == 0;

    /// <summary>The doc id of a chunk, or null when this snapshot does not hold it (e.g. a stale vector).</summary>
    public int? FindChunk(string chunkId) => _docByChunkId.TryGetValue(chunkId, out var docId) ? docId : null;

    public string PathOf(int docId) => _pathByDoc[docId]!;

    public Chunk LoadChunk(int docId)
    {
        var document = _searcher.Doc(docId);
        var fields = ChunkFields.Chunk;
        return new Chunk(
            document.Get(ChunkFields.Id),
            document.Get(ChunkFields.Path),
            document.Get(fields.Title),
            document.Get(ChunkFields.Anchor) ?? "",
            SplitLines(document.Get(fields.Headings)),
            document.Get(fields.Body),
            SplitLines(document.Get(fields.Tags)),
            document.GetField(ChunkFields.Ordinal)?.GetInt32Value() ?? 0);
    }

    private static string[] SplitLines(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split('\n');

    private void ReadKeys()
    {
        var liveDocs = MultiFields.GetLiveDocs(_reader);
        var keys = new HashSet<string> { ChunkFields.Id, ChunkFields.Path };
        for (var docId = 0; docId < _reader.MaxDoc; docId++)
        {
            if (liveDocs is not null && !liveDocs.Get(docId)) continue;
            var document = _reader.Document(docId, keys);
            _pathByDoc[docId] = document.Get(ChunkFields.Path);
            _docByChunkId[document.Get(ChunkFields.Id)] = docId;
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
