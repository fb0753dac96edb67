using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Collab.Indexer.Evaluation;

/// <summary>
/// The plain baseline our retrieval is measured against: Lucene's StandardAnalyzer and BM25 over whole
/// files, one field, no chunking, boosts or query handling.
/// </summary>
public sealed class WholeFileBaseline : IDisposable
{
    private const string PathField = "path";
    private const string TextField = "text";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly RAMDirectory _directory = new();
    private readonly StandardAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public WholeFileBaseline(string corpusDirectory, IReadOnlyCollection<string> extensions)
    {
        var root = Path.GetFullPath(corpusDirectory);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                         .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))))
            {
                writer.AddDocument(new Document
                {
                    new StringField(PathField, Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'), Field.Store.YES),
                    new TextField(TextField, File.ReadAllText(file), Field.Store.NO),
                });
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>Paths of the <paramref name="k"/> best files.</summary>
    public IReadOnlyList<string> Search(string question, int k)
    {
        var parser = new QueryParser(Version, TextField, _analyzer);
        var query = parser.Parse(QueryParserBase.Escape(question));
        return _searcher.Search(query, k).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(PathField)).ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
