using System.Runtime.CompilerServices;
using System.Text;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Plugins;
using Collab.Copilot.Authoring.Diagnosis;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Pasted errors, answered in the asker's language: a known signature gets the lines of the paste
/// that show it, its cause and fix (with what the paste says filled in), read-only confirm commands
/// and its doc. An unknown one is said plainly to be unknown, with what to send next — not answered
/// with documentation that merely shares words with it.
/// </summary>
internal static class ErrorAnswerer
{
    public static async IAsyncEnumerable<CopilotEvent> AnswerAsync(AnswerContext context, string paste, [EnumeratorCancellation] CancellationToken ct)
    {
        var language = context.Language;
        // The router hands over the lines of the message it took for the paste; the whole message can hold
        // more evidence (the events below a log, the describe above it, a line it read as prose), and the
        // most specific must win. A paste from elsewhere (a notebook output) is diagnosed as it is.
        var question = context.Request.Question;
        var fromQuestion = paste.Split('\n').Where(l => l.Trim().Length > 0).All(l => question.Contains(l.Trim(), StringComparison.Ordinal));
        var evidence = fromQuestion ? question : paste;
        var result = await context.CallAsync<DiagnosisResult>(ErrorDiagnosisPlugin.Name, "diagnose", new KernelArguments { ["paste"] = evidence }, ct);
        if (result.Primary is not { } primary)
        {
            yield return new AnswerTextChunk($"{Phrases.Of(Phrase.UnknownError, language)}\n\n{Phrases.Of(Phrase.UnknownErrorNextSteps, language)}\n");
            yield break;
        }

        var signature = primary.Signature;
        var translated = SignatureTranslations.Find(signature, language.Code());
        var text = translated ?? SignatureTranslations.Find(signature, "en")!;
        var source = RelatedDocs.CiteReference(context, signature.Doc, text.Title);
        yield return new AnswerTextChunk($"**{Phrases.Of(Phrase.KnownError, language)}: {text.Title}** (`{signature.Id}`) [{source}]\n\n" +
                                         $"{Phrases.Of(Phrase.LinesThatShowIt, language)}\n");
        yield return new AnswerCodeBlock("text", string.Join('\n', primary.QuotedLines.Select(q => $"{q.Line}: {q.Text}")), Phrases.Of(Phrase.FromYourPaste, language));
        var body = new StringBuilder("\n");
        if (translated is null) body.Append('_').Append(Phrases.Of(Phrase.EnglishOnlyExplanation, language)).Append("_\n\n");
        body.Append($"**{Phrases.Of(Phrase.Cause, language)}:** {primary.Fill(text.Cause)}\n\n");
        body.Append($"**{Phrases.Of(Phrase.Fix, language)}:** {primary.Fill(text.Fix)}\n\n");
        body.Append($"**{Phrases.Of(Phrase.ConfirmWith, language)}**\n");
        yield return new AnswerTextChunk(body.ToString());
        yield return new AnswerCodeBlock("bash", string.Join('\n', primary.Commands));
        var also = result.Matches.Skip(1)
            .Select(m => $"{(SignatureTranslations.Find(m.Signature, language.Code()) ?? SignatureTranslations.Find(m.Signature, "en")!).Title} (`{m.Id}`)")
            .ToList();
        var tail = new StringBuilder();
        if (also.Count > 0) tail.Append($"\n{Phrases.Of(Phrase.AlsoSeen, language)} {string.Join(", ", also)}.\n");
        tail.Append($"\n{Phrases.Of(Phrase.Source, language)}: [{source}] `{signature.Doc}`\n");
        yield return new AnswerTextChunk(tail.ToString());
    }
}
