using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Tests.Support;

namespace Collab.Copilot.Assistant.Tests.Answers;

/// <summary>Every answer, whatever it was routed to, ends with sources, the disclaimer and a final event.</summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class DisclaimerTests(DocsIndexFixture index)
{
    [Theory]
    [InlineData("how do I request a GPU?")]
    [InlineData("draft a Job that trains on one GPU and mounts my dataset PVC")]
    [InlineData("Dockerfile with CUDA 12.6 and PyTorch")]
    [InlineData("check my manifest")]
    [InlineData("Back-off restarting failed container trainer in pod train-7xk2p")]
    [InlineData("zzqqxx nothing matches this at all")]
    [InlineData("Wie kann ich eine GPU anfordern?")]
    public async Task Every_answer_carries_the_disclaimer(string question)
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(question);

        // Sources, then the disclaimer as the last text, then the final event.
        Assert.IsType<AnswerCitations>(answer.Events[^3]);
        Assert.Contains(answer.Final.Disclaimer, Assert.IsType<AnswerTextChunk>(answer.Events[^2]).Text);
        Assert.Equal(Phrases.Disclaimer(answer.Final.Language), answer.Final.Disclaimer);
        Assert.Single(answer.Events.OfType<AnswerFinal>());
    }
}
