namespace Collab.Copilot.Assistant.Routing;

/// <summary>What a request is routed to.</summary>
public enum CopilotIntent
{
    /// <summary>A question answered from the documentation.</summary>
    DocsQuestion,
    /// <summary>A pasted error, log or <c>kubectl describe</c> output to diagnose.</summary>
    ErrorDiagnosis,
    /// <summary>A request in words for a Kubernetes manifest.</summary>
    ManifestDraft,
    /// <summary>A pasted manifest to validate and fix ("check my manifest").</summary>
    ManifestCheck,
    /// <summary>A request in words for a Dockerfile.</summary>
    DockerfileDraft,
    /// <summary>A pasted Dockerfile to lint and fix.</summary>
    DockerfileCheck,
}
