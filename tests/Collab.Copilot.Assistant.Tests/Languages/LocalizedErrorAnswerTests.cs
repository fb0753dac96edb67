using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Tests.Support;
using Collab.Copilot.Authoring.Diagnosis;
using Xunit.Abstractions;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>
/// Without a model, an answer to a pasted error is entirely in the asker's language: headings,
/// cause, fix, next steps and the "I don't recognise this error" answer — not only the disclaimer.
/// </summary>
[Collection(DocsIndexCollection.Name)]
[Trait("Needs", "Corpus")]
public sealed class LocalizedErrorAnswerTests(DocsIndexFixture index, ITestOutputHelper output)
{
    /// <summary>Fixed English wording that must not appear in an answer in another language.</summary>
    private static readonly string[] EnglishFrame =
        ["Known error", "The lines that show it", "**Cause:**", "**Fix:**", "Confirm with", "Also seen in the paste", "Source:", "I don't recognise", "Next steps"];

    [Fact]
    public async Task Pasted_error_answers_are_in_the_asker_s_language()
    {
        var copilot = CopilotHarness.Create(index.Retriever);
        var failures = new List<string>();
        var notDiagnosed = 0;
        var messages = PastedErrorMessages.Load("pasted-errors.yaml").Where(m => m.Language != "en").ToList();
        foreach (var message in messages)
        {
            var answer = await copilot.AskAsync(message.Text);
            var language = answer.Final.Language;
            if (language.Code() != message.Language) { failures.Add($"{message.Language} {message.Name}: answered in {language}"); continue; }
            var text = answer.Text;
            var english = EnglishFrame.Where(text.Contains).ToList();
            if (english.Count > 0) failures.Add($"{message.Language} {message.Name}: English wording {string.Join(", ", english)}");
            // Routing is measured elsewhere; here only what a diagnosis says, and in which language.
            if (answer.Final.Intent != CopilotIntent.ErrorDiagnosis) { notDiagnosed++; continue; }
            if (message.Expect is { } id && SignatureCatalog.Find(id) is { } signature
                && SignatureTranslations.Find(signature, message.Language) is { } translated && !text.Contains(translated.Title))
                failures.Add($"{message.Language} {message.Name}: the translated title of {id} is missing from: {text.Split('\n').FirstOrDefault(l => l.Contains("**"))}");
            if (message.Expect is null && !text.Contains(Phrases.Of(Phrase.UnknownError, language)))
                failures.Add($"{message.Language} {message.Name}: does not say the error is not recognised");
        }
        output.WriteLine($"{messages.Count - failures.Count}/{messages.Count} answers entirely in the asker's language ({notDiagnosed} routed elsewhere than diagnosis)");
        foreach (var failure in failures) output.WriteLine("  FAIL " + failure);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_unknown_error_is_said_to_be_unknown_without_unrelated_documentation()
    {
        var answer = await CopilotHarness.Create(index.Retriever).AskAsync(
            "što znači ova greška?\n\n2024-12-04 10:11:12,345 ERROR [orders] reconcile failed: ledger checksum 0x3fa2 != 0x3fa9 for batch 7781");
        Assert.Equal(AnswerLanguage.Croatian, answer.Final.Language);
        Assert.Contains(Phrases.Of(Phrase.UnknownError, AnswerLanguage.Croatian), answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public void Every_phrase_exists_in_every_language()
    {
        foreach (var phrase in Enum.GetValues<Phrase>())
            foreach (var language in Enum.GetValues<AnswerLanguage>())
                Assert.True(phrase == Phrase.EnglishOnlyExplanation && language == AnswerLanguage.English || Phrases.Of(phrase, language).Length > 0, $"{phrase} {language}");
    }

    [Fact]
    public void The_common_signatures_are_translated_into_every_language_with_the_same_placeholders()
    {
        foreach (var language in SignatureTranslations.Languages)
        {
            var ids = SignatureTranslations.TranslatedIds(language);
            Assert.True(ids.Count >= 25, language);
            foreach (var id in ids)
            {
                var signature = SignatureCatalog.Find(id);
                Assert.True(signature is not null, $"{language}: unknown signature {id}");
                var text = SignatureTranslations.Find(signature!, language)!;
                foreach (var fact in signature!.Facts.Keys)
                    Assert.True(text.Cause.Contains("{" + fact + "}") || text.Fix.Contains("{" + fact + "}"), $"{language} {id}: {{{fact}}} missing");
            }
        }
    }
}
