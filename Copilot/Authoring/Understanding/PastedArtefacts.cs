namespace Collab.Copilot.Authoring.Understanding;

/// <summary>What a request's text contains besides words: a manifest, a Dockerfile, error evidence.</summary>
/// <param name="Words">The prose: the lines that are neither pasted artefact nor log.</param>
/// <param name="Paste">Everything pasted (fenced blocks, or the unfenced artefact and log lines), or null when nothing was.</param>
/// <param name="Manifest">The Kubernetes YAML found (apiVersion and kind lines), or null.</param>
/// <param name="Dockerfile">The Dockerfile instructions found, or null.</param>
/// <param name="LogLines">Lines that read as log, event, status or stack-trace output.</param>
/// <param name="HasEventsOrTrace">An events table, a status table or a stack trace is present.</param>
public sealed record PastedArtefacts(string Words, string? Paste, string? Manifest, string? Dockerfile, IReadOnlyList<string> LogLines, bool HasEventsOrTrace)
{
    /// <summary>
    /// True when the paste is mainly an error report: an events table or a stack trace, or two or
    /// more log lines — then a manifest or Dockerfile in it is an excerpt that goes with the error,
    /// and diagnosis, not the checker, answers.
    /// </summary>
    public bool IsMainlyError => HasEventsOrTrace || LogLines.Count >= 2 || (LogLines.Count == 1 && Manifest is null && Dockerfile is null);
}
