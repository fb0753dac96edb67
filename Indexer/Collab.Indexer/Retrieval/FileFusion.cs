namespace Collab.Indexer.Retrieval;

/// <summary>Combines a BM25 and a vector ranking of files into one; each file keeps the best chunk of the ranking that weighs more for it.</summary>
internal static class FileFusion
{
    public static IReadOnlyList<RankedFile> ReciprocalRank(IReadOnlyList<RankedFile> lexical, IReadOnlyList<RankedFile> semantic, double lexicalShare, int k)
    {
        var scores = ReciprocalRankFusion.Fuse(k, [(lexical.Select(f => f.Path).ToList(), lexicalShare), (semantic.Select(f => f.Path).ToList(), 1 - lexicalShare)]);
        return Order(scores, lexical, semantic);
    }

    /// <summary>
    /// Scores scaled to [0, 1] within each list (BM25 by the best file's score, cosine from the similarity
    /// floor up to the best), then mixed: unlike rank fusion, a file far ahead in one ranking stays ahead.
    /// </summary>
    public static IReadOnlyList<RankedFile> Convex(IReadOnlyList<RankedFile> lexical, IReadOnlyList<RankedFile> semantic, double lexicalShare, float floor)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        if (lexical.Count > 0)
        {
            var top = lexical[0].Score;
            foreach (var file in lexical) scores[file.Path] = lexicalShare * (top > 0 ? file.Score / top : 0);
        }
        if (semantic.Count > 0)
        {
            var top = semantic[0].Score - floor;
            foreach (var file in semantic)
                scores[file.Path] = scores.GetValueOrDefault(file.Path) + (1 - lexicalShare) * (top > 0 ? (file.Score - floor) / top : 0);
        }
        return Order(scores, lexical, semantic);
    }

    private static List<RankedFile> Order(Dictionary<string, double> scores, IReadOnlyList<RankedFile> lexical, IReadOnlyList<RankedFile> semantic)
    {
        // The passage shown for a file: BM25's best when BM25 found the file (it matched the question's words), else the vector's.
        var best = semantic.ToDictionary(f => f.Path, f => f.BestChunkDoc, StringComparer.Ordinal);
        foreach (var file in lexical) best[file.Path] = file.BestChunkDoc;
        return scores
            .Select(s => new RankedFile(s.Key, s.Value, best[s.Key]))
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }
}
