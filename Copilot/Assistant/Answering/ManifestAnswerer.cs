using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Languages;
using Collab.Copilot.Assistant.Plugins;
using Collab.Copilot.Authoring;
using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Understanding;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Manifests. Drafts: with a model, the model fills the spec under its schema and the drafter
/// renders it; without one (or when the model's spec is unusable) the deterministic drafter
/// works from the words. Either way the result goes through the validator and fixer, and what
/// still fails is listed — never handed over silently.
/// </summary>
internal static class ManifestAnswerer
{
    public static async IAsyncEnumerable<CopilotEvent> DraftAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = context.Routed.Request;
        var language = context.Language;
        var stated = SlotExtractor.Extract(request);
        if (stated.NotDrafted is { } other)
        {
            // Said first and plainly; a draft follows only when the request also names a kind that can be drafted.
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.cannot-draft", other, string.Join(", ", Enum.GetNames<ResourceKind>())) + "\n");
            if (!stated.KindStated) yield break;
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.nearest-draft") + "\n");
        }
        var (draft, origin) = await DraftWithModelAsync(context, request, ct);
        draft ??= await context.CallAsync<ManifestDraft>(ManifestPlugin.Name, "draft", new KernelArguments { ["request"] = request }, ct);
        origin ??= Phrases.Say(language, "origin.rules");

        var yaml = draft.Yaml;
        IReadOnlyList<ManifestFinding> remaining = draft.Validation.Findings;
        if (!draft.Validation.IsClean)
        {
            var fix = await context.CallAsync<ManifestFixResult>(ManifestPlugin.Name, "fix", new KernelArguments { ["yaml"] = yaml }, ct);
            (yaml, remaining) = (fix.FixedYaml, fix.Remaining);
        }

        // Before answering, the draft (the model's or the rules') is compared with what the request stated.
        var unhonoured = DraftChecker.Check(stated, yaml);
        yield return new AnswerTextChunk(Phrases.Say(language, "answer.manifest-draft", draft.Spec.Kind, draft.Spec.Name, origin) + "\n");
        if (unhonoured.Count > 0)
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.not-as-asked") + "\n" +
                                             string.Concat(unhonoured.Select(u => $"- {u.In(language.Code())}\n")));
        if (draft.Assumptions.Count > 0)
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.assumed") + "\n" + string.Concat(draft.Assumptions.Select(a => $"- {a.In(language.Code())}\n")));
        yield return new AnswerCodeBlock("yaml", yaml, $"{draft.Spec.Name}.yaml");
        yield return new AnswerTextChunk(remaining.Count == 0
            ? Phrases.Say(language, "answer.manifest-valid") + "\n"
            : Phrases.Say(language, "answer.manifest-remaining", Findings.Counts(remaining, language)) + "\n" + Findings.Render(remaining, language));
        yield return new AnswerTextChunk(Phrases.Say(language, "answer.apply", draft.Spec.Name) + "\n");
        yield return new AnswerTextChunk(await RelatedDocs.CiteAsync(context, $"{draft.Spec.Kind} manifest " + request, 2, ct));
    }

    public static async IAsyncEnumerable<CopilotEvent> CheckAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var yaml = context.Routed.Paste;
        var language = context.Language;
        if (string.IsNullOrWhiteSpace(yaml))
        {
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.paste-manifest") + "\n");
            yield break;
        }
        // "add a gpu to this: <yaml>": the change the words state is made to the paste, not drafted anew.
        var edit = ManifestEditor.Apply(yaml, SlotExtractor.ExtractChange(context.Routed.Request));
        if (edit.Changes.Count > 0)
        {
            yaml = edit.Yaml;
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.manifest-edited") + "\n" +
                                             string.Concat(edit.Changes.Select(c => $"- {c.In(language.Code())}\n")));
            yield return new AnswerCodeBlock("yaml", yaml, "manifest.yaml");
        }
        var validation = await context.CallAsync<ManifestValidationResult>(ManifestPlugin.Name, "validate", new KernelArguments { ["yaml"] = yaml }, ct);
        if (validation.IsClean)
        {
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.manifest-clean", validation.DocumentCount) + "\n");
            yield break;
        }
        yield return new AnswerTextChunk(Phrases.Say(language, "answer.manifest-validation", validation.DocumentCount, Findings.Counts(validation.Findings, language)) + "\n" +
                                         Findings.Render(validation.Findings, language));
        var fix = await context.CallAsync<ManifestFixResult>(ManifestPlugin.Name, "fix", new KernelArguments { ["yaml"] = yaml }, ct);
        if (fix.Diff.Length > 0)
        {
            yield return new AnswerTextChunk("\n" + Phrases.Say(language, "answer.auto-fixed") + "\n");
            yield return new AnswerCodeBlock("yaml", fix.FixedYaml, "manifest.yaml (fixed)");
            yield return new AnswerCodeBlock("diff", fix.Diff, "Changes");
        }
        yield return new AnswerTextChunk(fix.IsClean
            ? Phrases.Say(language, "answer.fixed-clean") + "\n"
            : Phrases.Say(language, "answer.still-needs") + "\n" + Findings.Render(fix.Remaining, language));
        yield return new AnswerTextChunk(await RelatedDocs.CiteAsync(context, "Kubernetes manifest " +
            string.Join(' ', validation.Findings.Take(2).Select(f => f.Message)), 2, ct));
    }

    /// <summary>The model's draft, or (null, reason) when there is no model or its spec cannot be used.</summary>
    private static async Task<(ManifestDraft? Draft, string? Origin)> DraftWithModelAsync(AnswerContext context, string request, CancellationToken ct)
    {
        if (context.Model is null) return (null, null);
        string json;
        try
        {
            json = await ManifestSpecGenerator.GenerateAsync(context.Model, request, context.Request.UserId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, Phrases.Say(context.Language, "origin.model-failed", ex.GetType().Name));
        }
        try
        {
            // What the request states wins over what the model wrote.
            var stated = ManifestRequestParser.Overlay(ManifestSpec.FromJson(json), SlotExtractor.Extract(request)).ToJson();
            var draft = await context.CallAsync<ManifestDraft>(ManifestPlugin.Name, "draft_from_spec", new KernelArguments { ["specJson"] = stated }, ct);
            var usable = draft.Validation.IsValid || ManifestFixer.Fix(draft.Yaml).Remaining.All(f => f.Severity != FindingSeverity.Error);
            if (usable)
            {
                context.Mode = AnswerMode.Generated;
                return (draft, Phrases.Say(context.Language, "origin.model"));
            }
            return (null, Phrases.Say(context.Language, "origin.model-invalid"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, Phrases.Say(context.Language, "origin.model-unreadable"));
        }
    }
}
