namespace Collab.Copilot.Authoring.Understanding;

/// <summary>What a request wants, decided from what the text is and what it asks for.</summary>
public enum RequestIntent
{
    /// <summary>A question for the documentation.</summary>
    DocsQuestion,
    /// <summary>A pasted error, log, event list or stack trace (possibly with a manifest or Dockerfile excerpt).</summary>
    ErrorDiagnosis,
    /// <summary>A manifest to be written from stated requirements.</summary>
    ManifestDraft,
    /// <summary>A pasted manifest (or a request to review one).</summary>
    ManifestCheck,
    /// <summary>A Dockerfile to be written from stated requirements.</summary>
    DockerfileDraft,
    /// <summary>A pasted Dockerfile (or a request to review one).</summary>
    DockerfileCheck,
}
