using Collab.Indexer.Analysis;
using Collab.Indexer.Chunking;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Collab.Indexer.Lexical;

/// <summary>Adds and removes chunks in the Lucene index of one (unpublished) snapshot.</summary>
internal sealed class LexicalIndexWriter : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;

    public LexicalIndexWriter(string path)
    {
        _directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new LexicalAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
        };
        _writer = new IndexWriter(_directory, config);
    }

    public void DeleteFile(string path) => _writer.DeleteDocuments(new Term(ChunkFields.Path, path));

    public void AddChunks(IEnumerable<Chunk> chunks)
    {
        foreach (var chunk in chunks) _writer.AddDocument(ChunkDocument(chunk));
    }

    private static Document ChunkDocument(Chunk chunk)
    {
        var fields = ChunkFields.Chunk;
        return
        [
            new StringField(ChunkFields.Id, chunk.Id, Field.Store.YES),
            new StringField(ChunkFields.Path, chunk.Path, Field.Store.YES),
            new TextField(fields.PathWords, PathWords(chunk.Path), Field.Store.NO),
            new TextField(fields.Title, chunk.Title, Field.Store.YES),
            new TextField(fields.Headings, string.Join('\n', chunk.HeadingPath), Field.Store.YES),
            new TextField(fields.Body, chunk.Text, Field.Store.YES),
            new TextField(fields.ExactBody, chunk.Text, Field.Store.NO),
            new TextField(fields.Tags, string.Join('\n', chunk.Tags), Field.Store.YES),
            new StoredField(ChunkFields.Anchor, chunk.Anchor),
            new StoredField(ChunkFields.Ordinal, chunk.Ordinal),
        ];
    }

    private static string PathWords(string path) => System.IO.Path.ChangeExtension(path, null);

    public void Commit() => _writer.Commit();

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }
}
