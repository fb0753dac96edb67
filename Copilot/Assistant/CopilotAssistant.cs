using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Collab.Copilot.Assistant.Answering;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Hosting;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Notebooks;
using Collab.Copilot.Assistant.Plugins;
using Collab.Copilot.Assistant.Routing;
using Collab.Copilot.Assistant.Safety;
using Collab.Copilot.Authoring.Redaction;
using Collab.Indexer.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant;

/// <summary>
/// The copilot's orchestration: redact → detect the language → route → run the routed tool
/// through the kernel (and the model when there is one) → sources → disclaimer → final event.
/// The question is redacted before anything else — model, logs, notebook lookup — sees it, and
/// the answer is redacted again on its way out.
/// </summary>
public sealed partial class CopilotAssistant : ICopilot
{
    // Built on the first question: reflecting over the plugins loads Semantic Kernel, the authoring
    // tools and their compiled code, which a server whose users never ask would hold for nothing.
    private readonly Lazy<Kernel> _kernel;
    private readonly IChatClient? _model;
    private readonly CopilotAnswerOptions _options;
    private readonly ILogger<CopilotAssistant> _logger;

    /// <summary>Creates the copilot; without <paramref name="model"/> it answers extractively and deterministically.</summary>
    public CopilotAssistant(IDocumentRetriever retriever, IOptions<CopilotAnswerOptions> options, ILogger<CopilotAssistant> logger,
        INotebookContextSource? notebooks = null, IChatClient? model = null)
    {
        _kernel = new(() => CopilotKernel.Create(retriever, notebooks));
        _model = model;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public bool HasModel => _model is not null;

    /// <inheritdoc />
    public async IAsyncEnumerable<CopilotEvent> AskAsync(CopilotRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The question was redacted for the model; what the answer shows (the model's own words,
        // quoted pastes, drafts) passes one more redactor on its way to the chat, the hub or SSE.
        var redactor = new AnswerRedactor();
        await foreach (var next in AnswerEventsAsync(request, cancellationToken))
            foreach (var shown in redactor.Pass(next)) yield return shown;
        foreach (var shown in redactor.End()) yield return shown;
    }

    private async IAsyncEnumerable<CopilotEvent> AnswerEventsAsync(CopilotRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var question = request.Question.Length > _options.MaxQuestionChars ? request.Question[.._options.MaxQuestionChars] : request.Question;
        var redaction = SecretRedactor.Redact(question);
        var language = LanguageDetector.Detect(redaction.Text);
        var routed = IntentRouter.Route(redaction.Text);
        var notebook = await ReadNotebookAsync(request, cancellationToken);
        var context = new AnswerContext(request with { Question = redaction.Text }, routed, language, _kernel.Value, _model, _options, notebook);
        if (routed.Intent == CopilotIntent.DocsQuestion && ErrorQuestion().IsMatch(routed.Request) && NotebookText.Errors(context) is { } errors)
            context = new AnswerContext(context.Request, routed with { Intent = CopilotIntent.ErrorDiagnosis, Paste = errors }, language, _kernel.Value, _model, _options, notebook);

        if (redaction.HasRedactions)
            yield return new AnswerTextChunk(Phrases.Redacted(language, redaction.Redactions.Count,
                string.Join(", ", redaction.Redactions.Select(r => r.Kind).Distinct())) + "\n\n");

        await using (var answer = Answer(context, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            var failed = false;
            while (true)
            {
                CopilotEvent? next;
                try
                {
                    next = await answer.MoveNextAsync() ? answer.Current : null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failing model or index must still end in a well-formed answer that says what happened.
                    _logger.LogWarning(ex, "Copilot answer for {Intent} failed", context.Routed.Intent);
                    next = new AnswerTextChunk($"\n\n[{Phrases.Of(Phrase.AnswerFailed, language)} {ex.GetType().Name}]\n");
                    failed = true;
                }
                if (next is null) break;
                yield return next;
                if (failed) break;
            }
        }

        yield return new AnswerCitations(context.Citations.ToList());
        var disclaimer = Phrases.Disclaimer(language);
        yield return new AnswerTextChunk($"\n_{disclaimer}_\n");
        _logger.LogInformation("Copilot answered {Intent} ({Mode}, {Language}) with {Citations} source(s) in {Elapsed} ms; {Redacted} secret(s) redacted",
            context.Routed.Intent, context.Mode, language, context.Citations.Count, clock.ElapsedMilliseconds, redaction.Redactions.Count);
        yield return new AnswerFinal(context.Routed.Intent, context.Mode, language, disclaimer, redaction.Redactions.Count);
    }

    private static IAsyncEnumerable<CopilotEvent> Answer(AnswerContext context, CancellationToken ct) => context.Routed.Intent switch
    {
        CopilotIntent.ErrorDiagnosis => ErrorAnswerer.AnswerAsync(context, context.Routed.Paste ?? context.Routed.Request, ct),
        CopilotIntent.ManifestDraft => ManifestAnswerer.DraftAsync(context, ct),
        CopilotIntent.ManifestCheck => ManifestAnswerer.CheckAsync(context, ct),
        CopilotIntent.DockerfileDraft => DockerfileAnswerer.DraftAsync(context, ct),
        CopilotIntent.DockerfileCheck => DockerfileAnswerer.CheckAsync(context, ct),
        _ => DocsAnswerer.AnswerAsync(context, context.Routed.Request, ct),
    };

    private async Task<NotebookSnapshot?> ReadNotebookAsync(CopilotRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Notebook)) return null;
        try
        {
            return await _kernel.Value.InvokeAsync<NotebookSnapshot?>(NotebookContextPlugin.Name, "read",
                new KernelArguments { ["projectId"] = request.ProjectId, ["notebook"] = request.Notebook }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Context is a help, not a precondition: answer without it.
            _logger.LogWarning(ex, "Could not read notebook {Notebook} of project {Project} for the copilot", request.Notebook, request.ProjectId);
            return null;
        }
    }

    [GeneratedRegex(@"\b(error|errors|fails?|failing|failed|traceback|exception|crash\w*|broken|wrong|greška|grešk\w*|chyb\w*|errore|Fehler\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorQuestion();
}
