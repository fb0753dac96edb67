using System.Text.Json.Nodes;

namespace Collab.Server.Notebooks;

/// <summary>A new notebook: its name (e.g. <c>analysis.ipynb</c>) and optionally its initial .ipynb content.</summary>
public sealed record CreateNotebookRequest(string Name, JsonObject? Content);
