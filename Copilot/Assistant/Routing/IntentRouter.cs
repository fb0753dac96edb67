using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Diagnosis;

namespace Collab.Copilot.Assistant.Routing;

/// <summary>
/// Routes a request deterministically, so the same words always reach the same tool with or
/// without a model: a pasted manifest → validate/fix; a pasted Dockerfile → lint/fix; a pasted
/// error or log → diagnosis; a request for a manifest or Dockerfile → the drafters; anything
/// else → documentation Q&amp;A.
/// </summary>
public static partial class IntentRouter
{
    /// <summary>Routes <paramref name="text"/> (already redacted).</summary>
    public static RoutedRequest Route(string text)
    {
        var stripped = Mention().Replace(text, " ").Trim();
        var (words, paste) = SplitPaste(stripped);

        if (LooksLikeManifest(paste ?? stripped)) return new(CopilotIntent.ManifestCheck, words, paste ?? stripped);
        if (LooksLikeDockerfile(paste ?? stripped)) return new(CopilotIntent.DockerfileCheck, words, paste ?? stripped);
        if (CheckManifest().IsMatch(words)) return new(CopilotIntent.ManifestCheck, words, paste);
        if (CheckDockerfile().IsMatch(words)) return new(CopilotIntent.DockerfileCheck, words, paste);

        var errorText = paste ?? stripped;
        if (ErrorDiagnoser.Diagnose(errorText).IsKnown || (paste is not null && ErrorLike().IsMatch(paste)) || LooksLikeLog(stripped))
            return new(CopilotIntent.ErrorDiagnosis, words, errorText);

        if (Dockerfile().IsMatch(words) && (Drafting().IsMatch(words) || !Question().IsMatch(words)))
            return new(CopilotIntent.DockerfileDraft, words, null);
        if (ManifestWord().IsMatch(words) && Drafting().IsMatch(words) && !HowQuestion().IsMatch(words))
            return new(CopilotIntent.ManifestDraft, words, null);
        return new(CopilotIntent.DocsQuestion, words, null);
    }

    /// <summary>True when <paramref name="text"/> reads as Kubernetes YAML.</summary>
    public static bool LooksLikeManifest(string text) => ApiVersion().IsMatch(text) && Kind().IsMatch(text);

    /// <summary>True when <paramref name="text"/> reads as a Dockerfile: a <c>FROM</c> line and another instruction.</summary>
    public static bool LooksLikeDockerfile(string text) => FromLine().IsMatch(text) && InstructionLine().Matches(text).Count >= 2;

    /// <summary>The words around a pasted block, and the block: a fenced one, else everything after the first line break when that part is long.</summary>
    private static (string Words, string? Paste) SplitPaste(string text)
    {
        var fence = Fence().Match(text);
        if (fence.Success)
            return ((text[..fence.Index] + " " + text[(fence.Index + fence.Length)..]).Trim(), fence.Groups["body"].Value);
        var newline = text.IndexOf('\n');
        if (newline > 0 && text.Count(c => c == '\n') >= 2)
            return (text[..newline].Trim(), text[(newline + 1)..]);
        return (text, null);
    }

    private static bool LooksLikeLog(string text) => text.Count(c => c == '\n') >= 3 && ErrorLike().IsMatch(text);

    [GeneratedRegex(@"(?<![\w@])@copilot\b[:,]?", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    [GeneratedRegex(@"```[ \t]*(?<lang>[\w.+-]*)[ \t]*\r?\n(?<body>.*?)(```|$)", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*apiVersion\s*:", RegexOptions.Multiline)]
    private static partial Regex ApiVersion();

    [GeneratedRegex(@"^\s*kind\s*:\s*\w+", RegexOptions.Multiline)]
    private static partial Regex Kind();

    [GeneratedRegex(@"^\s*FROM\s+\S+", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\s*(FROM|RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|USER|WORKDIR|EXPOSE|ARG|LABEL|HEALTHCHECK)\s", RegexOptions.Multiline)]
    private static partial Regex InstructionLine();

    [GeneratedRegex(@"\b(check|validate|review|lint|verify|what'?s wrong with|fix)\b.{0,30}\b(manifest|yaml|deployment|job|statefulset|cronjob|pod spec)", RegexOptions.IgnoreCase)]
    private static partial Regex CheckManifest();

    [GeneratedRegex(@"\b(check|validate|review|lint|verify|what'?s wrong with|fix)\b.{0,30}\bdockerfile", RegexOptions.IgnoreCase)]
    private static partial Regex CheckDockerfile();

    [GeneratedRegex(@"\b(error|exception|traceback|failed|failure|fatal|panic|killed|back-?off|events:|warning\s+\w+\s+\d|exit code|errno|denied|refused|timed? ?out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLike();

    [GeneratedRegex(@"\b(dockerfile|docker ?file|container image|docker image|(build|make|create|draft|write) (me )?an? image|containerfile)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dockerfile();

    [GeneratedRegex(@"\b(manifest|ya?ml|deployment|statefulset|stateful set|job|cronjob|cron job|service|pvc|persistentvolumeclaim|volume claim|configmap|config map|kueue)s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ManifestWord();

    [GeneratedRegex(@"\b(draft|write|create|generate|give me|make|build|need|want|produce|scaffold|set up|prepare|napiši|napravi|vytvoř|napiš|crea|genera|scrivi|escriu|erstelle|schreib)\b|^\s*(an?|one)\s+\w+", RegexOptions.IgnoreCase)]
    private static partial Regex Drafting();

    [GeneratedRegex(@"^\s*(how|what|why|where|when|which)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HowQuestion();

    [GeneratedRegex(@"^\s*(how|what|why|where|when|which|who|can|could|is|are|does|do|should)\b|\?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Question();
}
