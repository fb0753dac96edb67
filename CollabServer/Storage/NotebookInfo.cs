namespace Collab.Server.Storage;

public sealed record NotebookInfo(string Name, DateTimeOffset CreatedAt);
