using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Plugins;
using Collab.Copilot.Authoring.Dockerfiles;
using Collab.Copilot.Authoring.Understanding;
using Microsoft.SemanticKernel;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>Dockerfiles: drafted by the rule-based drafter, pasted ones linted and fixed. Deterministic in both modes.</summary>
internal static class DockerfileAnswerer
{
    public static async IAsyncEnumerable<CopilotEvent> DraftAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var draft = await context.CallAsync<DockerfileDraft>(DockerfilePlugin.Name, "draft",
            new KernelArguments { ["request"] = context.Routed.Request }, ct);
        yield return new AnswerTextChunk("Here is a Dockerfile drafted by the rule-based drafter: official base image with a pinned tag, " +
                                         "non-root user, package caches cleaned in the same layer.\n");
        var unhonoured = DockerfileDraftChecker.Check(context.Routed.Request, draft.Dockerfile);
        if (unhonoured.Count > 0)
            yield return new AnswerTextChunk("**Not as you asked** — the draft does not carry these stated requirements:\n" +
                                             string.Concat(unhonoured.Select(u => $"- {u}\n")));
        if (draft.Assumptions.Count > 0)
            yield return new AnswerTextChunk("Assumed:\n" + string.Concat(draft.Assumptions.Select(a => $"- {a}\n")));
        yield return new AnswerCodeBlock("dockerfile", draft.Dockerfile, "Dockerfile");
        foreach (var (name, content) in draft.SupportingFiles)
            yield return new AnswerCodeBlock(Language(name), content, name);
        yield return new AnswerTextChunk(draft.Lint.IsClean
            ? "It passes our Dockerfile lint.\n"
            : $"Lint: {Findings.Counts(draft.Lint.Findings)}:\n{Findings.Render(draft.Lint.Findings)}");
        yield return new AnswerTextChunk(await RelatedDocs.CiteAsync(context, "building container images Dockerfile " + context.Routed.Request, 2, ct));
    }

    public static async IAsyncEnumerable<CopilotEvent> CheckAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var dockerfile = context.Routed.Paste;
        if (string.IsNullOrWhiteSpace(dockerfile))
        {
            yield return new AnswerTextChunk("Paste the Dockerfile (in a ``` block) and I will lint it and offer a fixed version.\n");
            yield break;
        }
        var lint = await context.CallAsync<DockerfileLintResult>(DockerfilePlugin.Name, "lint", new KernelArguments { ["dockerfile"] = dockerfile }, ct);
        if (lint.Findings.Count == 0)
        {
            yield return new AnswerTextChunk("Your Dockerfile passes our lint with no findings.\n");
            yield break;
        }
        yield return new AnswerTextChunk($"**Lint of your Dockerfile**: {Findings.Counts(lint.Findings)}.\n{Findings.Render(lint.Findings)}");
        var fix = await context.CallAsync<DockerfileFixResult>(DockerfilePlugin.Name, "fix", new KernelArguments { ["dockerfile"] = dockerfile }, ct);
        if (fix.Diff.Length > 0)
        {
            yield return new AnswerTextChunk("\nFixed version:\n");
            yield return new AnswerCodeBlock("dockerfile", fix.FixedDockerfile, "Dockerfile (fixed)");
            yield return new AnswerCodeBlock("diff", fix.Diff, "Changes");
        }
        yield return new AnswerTextChunk(fix.IsClean
            ? "The fixed version passes our lint.\n"
            : $"Still needs you:\n{Findings.Render(fix.Remaining)}");
        yield return new AnswerTextChunk(await RelatedDocs.CiteAsync(context, "Dockerfile best practices building images " +
            string.Join(' ', lint.Findings.Take(2).Select(f => f.Message)), 2, ct));
    }

    private static string Language(string fileName) => Path.GetExtension(fileName) switch
    {
        ".py" => "python",
        ".sh" => "bash",
        ".yaml" or ".yml" => "yaml",
        ".json" => "json",
        ".toml" => "toml",
        _ => "text",
    };
}
