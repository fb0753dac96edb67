using System.Text.RegularExpressions;
using Collab.Copilot.Authoring.Understanding;

namespace Collab.Copilot.Assistant.Routing;

/// <summary>
/// Routes a request deterministically, so the same words always reach the same tool with or
/// without a model. What the text is and asks is decided by the shared understanding layer
/// (<see cref="RequestUnderstanding"/>): a pasted manifest → validate/fix; a pasted Dockerfile →
/// lint/fix; a pasted error, log, event list or stack trace (even with a manifest or Dockerfile
/// excerpt in it) → diagnosis; a request that states what a manifest or Dockerfile should
/// contain, in any of the six languages → the drafters; anything else → documentation Q&amp;A.
/// </summary>
public static partial class IntentRouter
{
    /// <summary>Routes <paramref name="text"/> (already redacted).</summary>
    public static RoutedRequest Route(string text)
    {
        var understood = RequestUnderstanding.Understand(Mention().Replace(text, " ").Trim());
        var intent = understood.Intent switch
        {
            RequestIntent.ErrorDiagnosis => CopilotIntent.ErrorDiagnosis,
            RequestIntent.ManifestDraft => CopilotIntent.ManifestDraft,
            RequestIntent.ManifestCheck => CopilotIntent.ManifestCheck,
            RequestIntent.DockerfileDraft => CopilotIntent.DockerfileDraft,
            RequestIntent.DockerfileCheck => CopilotIntent.DockerfileCheck,
            _ => CopilotIntent.DocsQuestion,
        };
        return new RoutedRequest(intent, understood.Words, understood.Paste);
    }

    [GeneratedRegex(@"(?<![\w@])@copilot\b[:,]?", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();
}
