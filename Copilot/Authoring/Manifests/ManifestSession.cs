namespace Collab.Copilot.Authoring.Manifests;

/// <summary>A pasted YAML text split into documents, parsed, and analysed together; the fixer re-analyses the same trees after each round of changes.</summary>
internal sealed class ManifestSession
{
    private ManifestSession(IReadOnlyList<ManifestDocument> documents, IReadOnlyList<ManifestIssue> parseIssues)
    {
        Documents = documents;
        ParseIssues = parseIssues;
    }

    public IReadOnlyList<ManifestDocument> Documents { get; }
    private IReadOnlyList<ManifestIssue> ParseIssues { get; }

    public static ManifestSession Load(string yaml)
    {
        var documents = new List<ManifestDocument>();
        var parseIssues = new List<ManifestIssue>();
        var texts = YamlDocumentText.Split(yaml);
        for (var i = 0; i < texts.Count; i++)
        {
            var sink = new IssueSink(i, texts[i].FirstLine - 1);
            documents.Add(ManifestDocument.Parse(texts[i], i, sink));
            parseIssues.AddRange(sink.Issues);
        }
        return new ManifestSession(documents, parseIssues);
    }

    /// <summary>All issues of all documents, syntax errors included, in document and line order.</summary>
    public IReadOnlyList<(ManifestDocument Document, ManifestIssue Issue)> Analyze()
    {
        var all = new List<(ManifestDocument, ManifestIssue)>();
        foreach (var doc in Documents)
        {
            var parse = ParseIssues.Where(p => p.Finding.Document == doc.Index).ToList();
            if (parse.Count > 0) { all.AddRange(parse.Select(p => (doc, p))); continue; }
            var sink = new IssueSink(doc.Index, doc.Source.FirstLine - 1);
            all.AddRange(ManifestAnalyzer.Analyze(doc, sink).Select(i => (doc, i)));
        }
        if (ParseIssues.Count == 0)
            all.AddRange(ServiceWiringChecker.Check(Documents).Select(i => (Documents[i.Finding.Document], i)));
        return all.OrderBy(x => x.Item2.Finding.Document).ThenBy(x => x.Item2.Finding.Line ?? 0).ToList();
    }
}
