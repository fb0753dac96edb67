using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;

namespace Collab.Copilot.Assistant.Tests.Answers;

/// <summary>No model: documentation answers quote the real index of docs-corpus/ and say they are retrieved text.</summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class ExtractiveAnswerTests(DocsIndexFixture index)
{
    [Theory]
    [InlineData("@copilot how do I request a GPU?", "gpus/")]
    [InlineData("How do I upload data to my S3 bucket with mc?", "storage/")]
    [InlineData("How does Kueue decide which job runs first?", "batch-jobs/")]
    public async Task Answers_quote_passages_with_real_citations(string question, string expectedFolder)
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(question);

        Assert.Equal(CopilotIntent.DocsQuestion, answer.Final.Intent);
        Assert.Equal(AnswerMode.Extractive, answer.Final.Mode);
        Assert.Contains(Phrases.RetrievedNotice(AnswerLanguage.English), answer.Text);
        Assert.NotEmpty(answer.Citations);
        Assert.All(answer.Citations, c => Assert.True(DocAnchors.Exists(c.Path, c.Anchor), $"{c.Reference} is not a real page#anchor"));
        Assert.Contains(answer.Citations, c => c.Path.StartsWith(expectedFolder, StringComparison.Ordinal));
        foreach (var c in answer.Citations)
        {
            Assert.Contains($"[{c.Number}]", answer.Text);
            Assert.Contains($"Source: `{c.Reference}`", answer.Text);
        }
        Assert.Contains("\n> ", answer.Text);
    }

    [Theory]
    [InlineData("Kako mogu zatražiti GPU za svoj posao?", AnswerLanguage.Croatian)]
    [InlineData("Jak mohu požádat o GPU pro svou úlohu?", AnswerLanguage.Czech)]
    [InlineData("Com puc demanar una GPU per a la meva feina?", AnswerLanguage.Catalan)]
    [InlineData("Come posso richiedere una GPU per il mio lavoro?", AnswerLanguage.Italian)]
    [InlineData("Wie kann ich eine GPU für meinen Job anfordern?", AnswerLanguage.German)]
    public async Task Questions_in_other_languages_still_retrieve_and_say_it_is_retrieved_text(string question, AnswerLanguage language)
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(question);

        Assert.Equal(language, answer.Final.Language);
        Assert.Equal(AnswerMode.Extractive, answer.Final.Mode);
        Assert.Contains(Phrases.RetrievedNotice(language), answer.Text);
        Assert.NotEmpty(answer.Citations);
        Assert.Contains(answer.Citations, c => c.Path.StartsWith("gpus/", StringComparison.Ordinal));
        Assert.Equal(Phrases.Disclaimer(language), answer.Final.Disclaimer);
    }

    [Fact]
    public async Task Unknown_error_says_so_without_quoting_unrelated_documentation()
    {
        var answer = await CopilotHarness.Create(index.Retriever)
            .AskAsync("help\n```\nzzfrob.Widget: frobnication of the quantum flux failed with error 0x2a (bucket listing)\n  at zzfrob.run\n```");

        Assert.Equal(CopilotIntent.ErrorDiagnosis, answer.Final.Intent);
        Assert.Contains("I don't recognise this error", answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task Notebook_error_outputs_are_diagnosed_when_asked_about_an_error()
    {
        var notebooks = new FakeNotebooks(new Collab.Copilot.Assistant.Notebooks.NotebookCellSnapshot("c1", "code", "model.cuda()",
            ["OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 GiB (GPU 0; 15.78 GiB total capacity)"], true));
        var answer = await CopilotHarness.Create(index.Retriever, notebooks: notebooks).AskAsync("why does my cell fail with this error?", "train.ipynb", "c1");

        Assert.Equal(CopilotIntent.ErrorDiagnosis, answer.Final.Intent);
        Assert.Contains("Known error", answer.Text);
        Assert.True(notebooks.Reads > 0);
    }
}
