namespace Collab.Server.Chat;

/// <summary>
/// One message of a project's chat, as stored and as sent to clients. <see cref="Id"/> grows with
/// every message (the history cursor). A deleted message stays as a tombstone: empty body,
/// <see cref="DeletedAt"/> set, so replies to it still have a parent. <see cref="Mentions"/> are
/// the members and bots named with <c>@</c>, parsed by the server. Times are the server's clock.
/// </summary>
public sealed record ChatMessage(
    long Id,
    string ProjectId,
    string Author,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    string? DeletedBy,
    long? ReplyTo,
    NotebookCellRef? Cell,
    ChatMessageState State,
    IReadOnlyList<string> Mentions)
{
    public bool IsDeleted => DeletedAt is not null;
}
