using Collab.Indexer.Chunking;

namespace Collab.Copilot.Assistant.Tests.Support;

/// <summary>The heading anchors a docs-corpus page really has, computed the way GitHub (and the indexer) slug headings.</summary>
public static class DocAnchors
{
    public static bool Exists(string path, string anchor)
    {
        var file = Path.Combine(RepositoryPaths.DocsCorpus, path);
        if (!File.Exists(file)) return false;
        if (anchor.Length == 0) return true;
        var slugger = new HeadingSlugger();
        var inFence = false;
        var anchors = new HashSet<string>();
        foreach (var line in File.ReadLines(file))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            else if (!inFence && line.StartsWith('#')) anchors.Add(slugger.Slug(line.TrimStart('#').Trim()));
        }
        return anchors.Contains(anchor);
    }
}
