using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Collab.Indexer.Lexical;

/// <summary>
/// Which documentation sources a question is about, read from the words that characterise a source. Documentation
/// gathered from several products keeps each in a top-level folder (jupyterhub/, kueue/, zero-to-jupyterhub-k8s/);
/// a question word found in pages of some of them and in no page of the others ("hub", "spawn", "kueue", "cohort")
/// names the product asked about, even when its other words ("prometheus", "metrics") fit another product's pages better.
/// </summary>
internal sealed class SourceScope
{
    /// <summary>
    /// Fewest pages for a top-level folder to count as a source: smaller folders are topics of one product (the platform's
    /// own docs: batch-jobs/, gpus/, storage/), whose words say nothing about which product is meant.
    /// </summary>
    private const int MinSourcePages = 20;

    /// <summary>
    /// Share of each of its sources' pages a word must occur in to name them: rarer words are a page's detail, not the
    /// product's vocabulary. Measured on every question set (docs/copilot-quality/m-retrieval.md): 0.03 to 0.07 measured alike,
    /// 0.1 lost a held-out German question, 0.01 lost several.
    /// </summary>
    private const double MinPageShare = 0.05;

    private readonly IndexReader _reader;
    private readonly string?[] _pathByDoc;
    private readonly Dictionary<string, int> _pagesBySource;

    public SourceScope(IndexReader reader, string?[] pathByDoc)
    {
        _reader = reader;
        _pathByDoc = pathByDoc;
        _pagesBySource = pathByDoc.OfType<string>().Distinct(StringComparer.Ordinal)
            .GroupBy(FolderOf, StringComparer.Ordinal)
            .Where(folder => folder.Key.Length > 0 && folder.Count() >= MinSourcePages)
            .ToDictionary(folder => folder.Key, folder => folder.Count(), StringComparer.Ordinal);
    }

    /// <summary>True when the page belongs to a source outside <paramref name="scope"/>; pages outside every source never are.</summary>
    public bool IsOutside(string path, IReadOnlySet<string> scope) =>
        _pagesBySource.ContainsKey(FolderOf(path)) && !scope.Contains(FolderOf(path));

    /// <summary>The sources the question's words confine it to, or null when they confine it to none or to all.</summary>
    /// <param name="terms">The question's analysed words.</param>
    /// <param name="field">The field whose pages are counted (body text).</param>
    public IReadOnlySet<string>? Of(QueryTerms terms, string field)
    {
        if (_pagesBySource.Count < 2) return null;
        var scope = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms.Stemmed)
        {
            var pagesBySource = PagesBySource(term, field);
            if (pagesBySource.Count == 0 || pagesBySource.Count == _pagesBySource.Count) continue;
            if (pagesBySource.All(s => s.Value >= MinPageShare * _pagesBySource[s.Key])) scope.UnionWith(pagesBySource.Keys);
        }
        return scope.Count == 0 || scope.Count == _pagesBySource.Count ? null : scope;
    }

    private Dictionary<string, int> PagesBySource(string term, string field)
    {
        var pages = new HashSet<string>(StringComparer.Ordinal);
        var docs = MultiFields.GetTermDocsEnum(_reader, MultiFields.GetLiveDocs(_reader), field, new BytesRef(term));
        if (docs is not null)
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) pages.Add(_pathByDoc[docs.DocID]!);
        return pages.GroupBy(FolderOf, StringComparer.Ordinal)
            .Where(folder => _pagesBySource.ContainsKey(folder.Key))
            .ToDictionary(folder => folder.Key, folder => folder.Count(), StringComparer.Ordinal);
    }

    private static string FolderOf(string path) => path.IndexOf('/') is var slash and > 0 ? path[..slash] : "";
}
