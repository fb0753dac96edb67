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
        var fused = ReciprocalRankFusion.Fuse<string>(["a", "b", "c"], ["b", "d", "e"]);
        Assert.Equal("b", fused.MaxBy(f => f.Value).Key);
        Assert.True(fused["a"] > fused["d"]);
    }
}
