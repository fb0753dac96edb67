using Collab.Indexer.Lexical;

namespace Collab.Indexer.Tests.Retrieval;

/// <summary>
/// A word found nowhere in the docs is matched one or two edits away, but a pasted token far longer than any
/// word (40 KB of letters) is matched as it is: its edit automaton would cost seconds of CPU per question.
/// </summary>
public sealed class SpellingCorrectionBoundsTests
{
    [Fact]
    public void A_misspelt_word_is_corrected_and_a_huge_token_is_not()
    {
        var builder = new ChunkQueryBuilder();
        var huge = new string('q', 40_000);
        var query = ChunkQueryBuilder.Build(builder.Analyze($"authenticaton {huge}"), ChunkFields.Chunk, isUnknown: _ => true).ToString();

        Assert.Matches(@"authenticat\w*~", query);
        Assert.DoesNotContain("q~", query);
    }
}
