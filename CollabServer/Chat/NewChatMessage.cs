namespace Collab.Server.Chat;

/// <summary>What the service hands the store to create a message; the store assigns the id.</summary>
public sealed record NewChatMessage(
    string ProjectId,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    long? ReplyTo,
    NotebookCellRef? Cell,
    ChatMessageState State,
    IReadOnlyList<string> Mentions);
