using System.Text.Json.Nodes;

namespace Collab.Server.Notebooks;

public sealed record NotebookTemplate(string Name, JsonObject Notebook);
