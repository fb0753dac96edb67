namespace Collab.Server.Chat;

/// <summary>What a member sends: Markdown body, optionally a reply to a message and a notebook cell.</summary>
public sealed record ChatMessageDraft(string? Body, long? ReplyTo = null, NotebookCellRef? Cell = null);
