using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant.Answers;
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
        var (draft, origin) = await DraftWithModelAsync(context, request, ct);
        draft ??= await context.CallAsync<ManifestDraft>(ManifestPlugin.Name, "draft", new KernelArguments { ["request"] = request }, ct);
        origin ??= "Built by the rule-based drafter from your words.";

        var yaml = draft.Yaml;
        IReadOnlyList<ManifestFinding> remaining = draft.Validation.Findings;
        if (!draft.Validation.IsClean)
        {
            var fix = await context.CallAsync<ManifestFixResult>(ManifestPlugin.Name, "fix", new KernelArguments { ["yaml"] = yaml }, ct);
            (yaml, remaining) = (fix.FixedYaml, fix.Remaining);
        }

        // Before answering, the draft (the model's or the rules') is compared with what the request stated.
        var unhonoured = DraftChecker.Check(SlotExtractor.Extract(request), yaml);
        yield return new AnswerTextChunk($"Here is a draft {draft.Spec.Kind} `{draft.Spec.Name}`. {origin}\n");
        if (unhonoured.Count > 0)
            yield return new AnswerTextChunk("**Not as you asked** — the draft does not carry these stated requirements:\n" +
                                             string.Concat(unhonoured.Select(u => $"- {u}\n")));
        if (draft.Assumptions.Count > 0)
            yield return new AnswerTextChunk("Assumed (change these if they are wrong):\n" + string.Concat(draft.Assumptions.Select(a => $"- {a}\n")));
        yield return new AnswerCodeBlock("yaml", yaml, $"{draft.Spec.Name}.yaml");
        yield return new AnswerTextChunk(remaining.Count == 0
            ? "It passes our validation: schema, Pod Security restricted profile, requests and limits, pinned images, probes and GPU limits.\n"
            : $"Our validation still reports {Findings.Counts(remaining)} — fix these before applying:\n{Findings.Render(remaining)}");
        yield return new AnswerTextChunk("Apply it yourself with `kubectl apply -f " + draft.Spec.Name + ".yaml`; the copilot changes nothing on the cluster.\n");
        yield return new AnswerTextChunk(await RelatedDocs.CiteAsync(context, $"{draft.Spec.Kind} manifest " + request, 2, ct));
    }

    public static async IAsyncEnumerable<CopilotEvent> CheckAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var yaml = context.Routed.Paste;
        if (string.IsNullOrWhiteSpace(yaml))
        {
            yield return new AnswerTextChunk("Paste the manifest (in a ```yaml block) and I will validate it and offer a fixed version with a diff.\n");
            yield break;
        }
        var validation = await context.CallAsync<ManifestValidationResult>(ManifestPlugin.Name, "validate", new KernelArguments { ["yaml"] = yaml }, ct);
        if (validation.IsClean)
        {
            yield return new AnswerTextChunk($"Your manifest ({validation.DocumentCount} document(s)) passes our validation with no findings.\n");
            yield break;
        }
        yield return new AnswerTextChunk($"**Validation of your manifest** ({validation.DocumentCount} document(s)): {Findings.Counts(validation.Findings)}.\n" +
                                         Findings.Render(validation.Findings));
        var fix = await context.CallAsync<ManifestFixResult>(ManifestPlugin.Name, "fix", new KernelArguments { ["yaml"] = yaml }, ct);
        if (fix.Diff.Length > 0)
        {
            yield return new AnswerTextChunk("\nAuto-fixed version:\n");
            yield return new AnswerCodeBlock("yaml", fix.FixedYaml, "manifest.yaml (fixed)");
            yield return new AnswerCodeBlock("diff", fix.Diff, "Changes");
        }
        yield return new AnswerTextChunk(fix.IsClean
            ? "The fixed version passes our validation.\n"
            : $"Still needs your input:\n{Findings.Render(fix.Remaining)}");
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
            return (null, $"The model could not draft it ({ex.GetType().Name}), so the rule-based drafter built it from your words.");
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
                return (draft, "The model filled in the manifest schema; the drafter rendered it and the validator checked it.");
            }
            return (null, "The model's draft failed our validation, so the rule-based drafter built it from your words instead.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, "The model's draft could not be read as a manifest spec, so the rule-based drafter built it from your words instead.");
        }
    }
}
