using System.Runtime.CompilerServices;
using Collab.Copilot.Assistant.Answers;
using Collab.Copilot.Assistant.Languages;
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
        var language = context.Language;
        yield return new AnswerTextChunk(Phrases.Say(language, "answer.dockerfile-draft") + "\n");
        var unhonoured = DockerfileDraftChecker.Check(context.Routed.Request, draft.Dockerfile);
        if (unhonoured.Count > 0)
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.not-as-asked") + "\n" +
                                             string.Concat(unhonoured.Select(u => $"- {u.In(language.Code())}\n")));
        if (draft.Assumptions.Count > 0)
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.dockerfile-assumed") + "\n" + string.Concat(draft.Assumptions.Select(a => $"- {a.In(language.Code())}\n")));
        yield return new AnswerCodeBlock("dockerfile", draft.Dockerfile, "Dockerfile");
        foreach (var (name, content) in draft.SupportingFiles)
            yield return new AnswerCodeBlock(Language(name), content, name);
        yield return new AnswerTextChunk(draft.Lint.IsClean
            ? Phrases.Say(language, "answer.lint-clean") + "\n"
            : Phrases.Say(language, "answer.lint", Findings.Counts(draft.Lint.Findings, language)) + "\n" + Findings.Render(draft.Lint.Findings, language));
        yield return new AnswerTextChunk(await RelatedDocs.CiteAsync(context, "building container images Dockerfile " + context.Routed.Request, 2, ct));
    }

    public static async IAsyncEnumerable<CopilotEvent> CheckAsync(AnswerContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        var dockerfile = context.Routed.Paste;
        var language = context.Language;
        if (string.IsNullOrWhiteSpace(dockerfile))
        {
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.paste-dockerfile") + "\n");
            yield break;
        }
        var lint = await context.CallAsync<DockerfileLintResult>(DockerfilePlugin.Name, "lint", new KernelArguments { ["dockerfile"] = dockerfile }, ct);
        if (lint.Findings.Count == 0)
        {
            yield return new AnswerTextChunk(Phrases.Say(language, "answer.dockerfile-clean") + "\n");
            yield break;
        }
        yield return new AnswerTextChunk(Phrases.Say(language, "answer.dockerfile-lint", Findings.Counts(lint.Findings, language)) + "\n" + Findings.Render(lint.Findings, language));
        var fix = await context.CallAsync<DockerfileFixResult>(DockerfilePlugin.Name, "fix", new KernelArguments { ["dockerfile"] = dockerfile }, ct);
        if (fix.Diff.Length > 0)
        {
            yield return new AnswerTextChunk("\n" + Phrases.Say(language, "answer.dockerfile-fixed") + "\n");
            yield return new AnswerCodeBlock("dockerfile", fix.FixedDockerfile, "Dockerfile (fixed)");
            yield return new AnswerCodeBlock("diff", fix.Diff, "Changes");
        }
        yield return new AnswerTextChunk(fix.IsClean
            ? Phrases.Say(language, "answer.dockerfile-fixed-clean") + "\n"
            : Phrases.Say(language, "answer.dockerfile-still") + "\n" + Findings.Render(fix.Remaining, language));
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
