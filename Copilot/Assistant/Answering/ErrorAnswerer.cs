using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Plugins;
using Collab.Copilot.Authoring.Diagnosis;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Pasted errors: a known signature gets its cause, fix, read-only confirm commands and doc; an
/// unknown one is said to be unknown and gets a documentation search on its error lines.
/// </summary>
internal static partial class ErrorAnswerer
{
    public static async IAsyncEnumerable<CopilotEvent> AnswerAsync(AnswerContext context, string paste, [EnumeratorCancellation] CancellationToken ct)
    {
        var result = await context.CallAsync<DiagnosisResult>(ErrorDiagnosisPlugin.Name, "diagnose", new KernelArguments { ["paste"] = paste }, ct);
        if (result.Primary is not { } primary)
        {
            yield return new AnswerTextChunk("This is not a known error signature, so there is no catalogue diagnosis. " +
                                             "Best effort from the documentation for its error lines:\n\n");
            await foreach (var e in DocsAnswerer.AnswerAsync(context, ErrorLines(result.RedactedText), ct)) yield return e;
            yield break;
        }

        var signature = primary.Signature;
        var source = RelatedDocs.CiteReference(context, signature.Doc, signature.Title);
        yield return new AnswerTextChunk($"**Known error: {signature.Title}** (`{signature.Id}`) [{source}]\n\nThe lines that show it:\n");
        yield return new AnswerCodeBlock("text", string.Join('\n', primary.QuotedLines.Select(q => $"{q.Line}: {q.Text}")), "From your paste");
        yield return new AnswerTextChunk($"\n**Cause:** {signature.Cause.Trim()}\n\n**Fix:** {signature.Fix.Trim()}\n\n" +
                                         "**Confirm with** (read-only; run them yourself — the copilot executes nothing):\n");
        yield return new AnswerCodeBlock("bash", string.Join('\n', primary.Commands));
        var also = result.Matches.Skip(1).Select(m => $"{m.Signature.Title} (`{m.Id}`)").ToList();
        var tail = new StringBuilder();
        if (also.Count > 0) tail.Append($"\nAlso seen in the paste: {string.Join(", ", also)}.\n");
        tail.Append($"\nSource: [{source}] `{signature.Doc}`\n");
        yield return new AnswerTextChunk(tail.ToString());
    }

    /// <summary>The lines that look like errors (else the first lines), as a search query.</summary>
    private static string ErrorLines(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var errors = lines.Where(l => ErrorWord().IsMatch(l)).Take(4).ToList();
        var query = string.Join(' ', errors.Count > 0 ? errors : lines.Take(3));
        return query.Length > 400 ? query[..400] : query;
    }

    [GeneratedRegex(@"error|exception|failed|fatal|denied|refused|timeout|timed out|killed|back-?off|warning", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWord();
}
