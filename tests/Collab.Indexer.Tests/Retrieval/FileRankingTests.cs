using Collab.Indexer.Retrieval;

namespace Collab.Indexer.Tests.Retrieval;

public class FileRankingTests
{
    [Fact]
    public void Best_passage_decides_and_further_passages_break_ties()
    {
        var ranked = FileRanking.Rank(
        [
            new ScoredChunkDoc(0, "long.md", 5.0),
            new ScoredChunkDoc(1, "long.md", 4.9),
            new ScoredChunkDoc(2, "long.md", 4.8),
            new ScoredChunkDoc(3, "long.md", 4.7),
            new ScoredChunkDoc(4, "precise.md", 9.0),
            new ScoredChunkDoc(5, "also.md", 5.0),
        ]);

        Assert.Equal(["precise.md", "long.md", "also.md"], ranked.Select(f => f.Path));
        Assert.Equal(0, ranked[1].BestChunkDoc);
    }

    [Fact]
    public void Reciprocal_rank_fusion_rewards_agreement()
    {
        var fused = ReciprocalRankFusion.Fuse<string>(60, [(["a", "b", "c"], 1.0), (["b", "d", "e"], 1.0)]);
        Assert.Equal("b", fused.MaxBy(f => f.Value).Key);
        Assert.True(fused["a"] > fused["d"]);
    }

    [Fact]
    public void Agreement_wins_and_the_lexical_share_decides_a_disagreement()
    {
        RankedFile[] lexical = [new("bm25.md", 12.0, 1), new("both.md", 6.0, 2)];
        RankedFile[] semantic = [new("vector.md", 0.7, 3), new("both.md", 0.6, 4)];

        static List<string> Order(IReadOnlyList<RankedFile> files) => files.Select(f => f.Path).ToList();
        Assert.Equal(["both.md", "bm25.md", "vector.md"], Order(FileFusion.ReciprocalRank(lexical, semantic, 0.9, 60)));
        Assert.Equal(["both.md", "vector.md", "bm25.md"], Order(FileFusion.ReciprocalRank(lexical, semantic, 0.1, 60)));
    }

    [Fact]
    public void Convex_fusion_keeps_a_file_far_ahead_in_one_ranking_ahead_and_shows_the_BM25_passage()
    {
        RankedFile[] lexical = [new("clear.md", 20.0, 1), new("both.md", 4.0, 2)];
        RankedFile[] semantic = [new("both.md", 0.50, 5), new("clear.md", 0.49, 6)];

        var fused = FileFusion.Convex(lexical, semantic, 0.5, 0.25f);

        Assert.Equal(["clear.md", "both.md"], fused.Select(f => f.Path));
        Assert.Equal(1, fused[0].BestChunkDoc);
        Assert.Equal(2, fused[1].BestChunkDoc);
    }
}
