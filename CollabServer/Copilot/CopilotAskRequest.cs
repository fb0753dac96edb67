namespace Collab.Server.Copilot;

/// <summary>Body of <c>POST /api/copilot/ask</c>.</summary>
/// <param name="ProjectId">The asker's project.</param>
/// <param name="Question">The question, possibly with a paste.</param>
/// <param name="Notebook">The asker's current notebook, for read-only context.</param>
/// <param name="CellId">The cell the question is about.</param>
public sealed record CopilotAskRequest(string? ProjectId, string? Question, string? Notebook = null, string? CellId = null);
