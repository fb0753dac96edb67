using Collab.Server.Errors;

namespace Collab.Server.Chat;

/// <summary>
/// What in-process bots (the copilot) may do in a project's chat. A streamed reply is
/// <see cref="StartStreamingMessageAsync"/>, then <see cref="AppendChunkAsync"/> any number of
/// times, then <see cref="CompleteAsync"/> or <see cref="FailAsync"/>. Each call is stored before it
/// is broadcast (<c>ChatMessage</c>, <c>ChatChunk</c>, <c>ChatMessageClosed</c>), so clients joining
/// midway get the body so far from history. Refusals throw <see cref="ChatException"/>: the message
/// was deleted meanwhile (<see cref="ErrorCode.Conflict"/>), the body would exceed
/// <c>Chat:MaxStreamedBodyChars</c>, the project or reply-to is unknown.
/// </summary>
public interface IChatBotWriter
{
    /// <summary>Creates an open, empty message by <paramref name="author"/> (a bot name, e.g. <see cref="ChatBots.Copilot"/>).</summary>
    Task<ChatMessage> StartStreamingMessageAsync(string projectId, string author, long? replyTo,
        NotebookCellRef? cell = null, CancellationToken ct = default);

    /// <summary>Appends <paramref name="chunk"/> to the open message and returns it as now stored.</summary>
    Task<ChatMessage> AppendChunkAsync(string projectId, long messageId, string chunk, CancellationToken ct = default);

    /// <summary>Closes the message as <see cref="ChatMessageState.Complete"/>.</summary>
    Task<ChatMessage> CompleteAsync(string projectId, long messageId, CancellationToken ct = default);

    /// <summary>Closes the message as <see cref="ChatMessageState.Failed"/>, keeping what streamed.</summary>
    Task<ChatMessage> FailAsync(string projectId, long messageId, CancellationToken ct = default);

    /// <summary>One message, for context (the question a mention asked, the message replied to).</summary>
    Task<ChatMessage?> GetMessageAsync(string projectId, long messageId, CancellationToken ct = default);

    /// <summary>History before <paramref name="before"/> (or the newest), oldest first, page size capped.</summary>
    Task<ChatPage> GetHistoryAsync(string projectId, long? before, int? limit, CancellationToken ct = default);
}
