namespace Collab.Copilot.Assistant;

/// <summary>A question to the copilot.</summary>
/// <param name="ProjectId">The asker's project (scopes notebook context).</param>
/// <param name="UserId">The asker; used for model fairness, never shown to the model.</param>
/// <param name="Question">What they wrote, possibly with a pasted error, manifest or Dockerfile. Redacted before use.</param>
/// <param name="Notebook">The asker's current notebook in the project, for read-only context; null for none.</param>
/// <param name="CellId">The cell the question is about, when known.</param>
public sealed record CopilotRequest(string ProjectId, string UserId, string Question, string? Notebook = null, string? CellId = null);
