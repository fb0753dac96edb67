using System.Text.Json;
using Collab.Copilot.Assistant.Answering;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Hosting;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Collab.Copilot.Authoring.Manifests;

namespace Collab.Copilot.Assistant.Tests.Generative;

/// <summary>
/// The generative path end to end on the tiny random-weight model through llama.cpp. The words are
/// random, so these check the shape: streamed chunks, sources, the disclaimer, schema-bound JSON.
/// </summary>
[Trait("Needs", "Llama")]
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class TinyModelAnswerTests(DocsIndexFixture index, TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    private static readonly CopilotAnswerOptions Small = new() { PassagesPerAnswer = 2, MaxPassageChars = 600, MaxAnswerTokens = 40, MaxNotebookChars = 300 };

    [Fact]
    public async Task Docs_answer_is_generated_streamed_and_cited()
    {
        var answer = await CopilotHarness.Create(index.Retriever, tiny.Chat, options: Small).AskAsync("How do I request a GPU?");

        Assert.Equal(AnswerMode.Generated, answer.Final.Mode);
        Assert.True(answer.Events.OfType<AnswerTextChunk>().Count() >= 2);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.True(DocAnchors.Exists(c.Path, c.Anchor), c.Reference));
        Assert.Contains(answer.Final.Disclaimer, answer.Text);
    }

    [Fact]
    public async Task Question_in_another_language_is_rewritten_and_still_cited()
    {
        var answer = await CopilotHarness.Create(index.Retriever, tiny.Chat, options: Small).AskAsync("Kako mogu zatražiti GPU za svoj posao?");

        Assert.Equal(Collab.Copilot.Assistant.Languages.AnswerLanguage.Croatian, answer.Final.Language);
        Assert.Equal(AnswerMode.Generated, answer.Final.Mode);
        Assert.NotEmpty(answer.Citations);
        Assert.Contains(answer.Final.Disclaimer, answer.Text);
    }

    [Fact]
    public async Task Manifest_spec_from_the_model_is_schema_bound_json()
    {
        var json = await ManifestSpecGenerator.GenerateAsync(tiny.Chat, "a Job that trains on one GPU", "ada", CancellationToken.None);

        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
        Assert.True(parsed.RootElement.TryGetProperty("kind", out _));
        Assert.True(parsed.RootElement.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Manifest_drafted_with_the_model_still_passes_validation()
    {
        var answer = await CopilotHarness.Create(index.Retriever, tiny.Chat, options: Small).AskAsync("draft a Job that trains on one GPU and mounts my dataset PVC");

        Assert.Equal(CopilotIntent.ManifestDraft, answer.Final.Intent);
        var yaml = Assert.Single(answer.Code("yaml")).Code;
        Assert.True(ManifestValidator.Validate(yaml).IsValid);
        Assert.Contains(answer.Final.Disclaimer, answer.Text);
    }

    [Fact]
    public async Task Cancelling_stops_generation()
    {
        var copilot = CopilotHarness.Create(index.Retriever, tiny.Chat, options: new CopilotAnswerOptions { PassagesPerAnswer = 2, MaxPassageChars = 600, MaxAnswerTokens = 2000 });
        using var stop = new CancellationTokenSource();
        var chunks = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in copilot.AskAsync(new CopilotRequest("alpha", "ada", "How do I request a GPU?"), stop.Token))
                if (e is AnswerTextChunk && ++chunks == 2) stop.Cancel();
        });
        Assert.Equal(2, chunks);
    }
}
