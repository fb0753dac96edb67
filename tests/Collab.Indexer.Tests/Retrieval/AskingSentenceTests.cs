using Collab.Indexer.Retrieval;

namespace Collab.Indexer.Tests.Retrieval;

public class AskingSentenceTests
{
    [Fact]
    public void The_sentence_with_the_question_mark_is_found_behind_the_story()
    {
        var asked = AskingSentence.Find("after the hub pod got rescheduled everybody had to log in again. where does the hub keep its state?");
        Assert.Equal("where does the hub keep its state?", asked);
    }

    [Fact]
    public void A_post_on_several_lines_is_split_at_its_line_breaks()
    {
        Assert.Equal("why?", AskingSentence.Find("my job is Pending\nit has been an hour\nwhy?"));
    }

    [Theory]
    [InlineData("how do i give two colleagues admin rights on the hub")]
    [InlineData("where does the hub keep its state?")]
    [InlineData("is it the proxy? or the hub?")]
    [InlineData("the server does not start. the log shows nothing.")]
    public void Nothing_is_singled_out_when_one_sentence_asks_or_every_sentence_does_or_none(string query)
    {
        Assert.Null(AskingSentence.Find(query));
    }

    [Fact]
    public void A_long_paste_is_not_read_as_a_post()
    {
        var paste = string.Concat(Enumerable.Repeat("Warning  FailedScheduling  0/3 nodes are available. ", 15)) + "what now?";
        Assert.Null(AskingSentence.Find(paste));
    }
}
