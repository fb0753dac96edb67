namespace Collab.Server.Notebooks;

public sealed record NotebookInfo(string Name, DateTimeOffset CreatedAt);
