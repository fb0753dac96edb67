namespace Collab.Server.Chat;

/// <summary>Limits of project chat (section <c>Chat</c>), checked at start.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary><c>Chat:MaxBodyChars</c>: longest Markdown body a person may send or edit to.</summary>
    public int MaxBodyChars { get; set; } = 8000;

    /// <summary><c>Chat:MaxStreamedBodyChars</c>: longest body a streamed bot reply may grow to.</summary>
    public int MaxStreamedBodyChars { get; set; } = 100_000;

    /// <summary><c>Chat:DefaultPageSize</c>: history page size when the client names none.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary><c>Chat:MaxPageSize</c>: larger requested pages are cut to this.</summary>
    public int MaxPageSize { get; set; } = 200;

    /// <summary><c>Chat:MaxSearchResults</c>: most messages one search returns.</summary>
    public int MaxSearchResults { get; set; } = 50;

    /// <summary><c>Chat:MaxQueryChars</c>: longest search text (room for a pasted error message).</summary>
    public int MaxQueryChars { get; set; } = 4000;

    /// <summary><c>Chat:MessagesPerSecond</c>: sustained rate of sends, edits, deletes and typing per user (hub and REST together).</summary>
    public double MessagesPerSecond { get; set; } = 5;

    /// <summary><c>Chat:MessageBurst</c>: how many of those a user may send at once before the rate applies.</summary>
    public int MessageBurst { get; set; } = 20;

    /// <summary>
    /// <c>Chat:StreamTimeoutSeconds</c>: a streaming reply its writer has not renewed for this long
    /// (the replica writing it is gone) is closed as interrupted. Writers renew every quarter of it.
    /// </summary>
    public int StreamTimeoutSeconds { get; set; } = 60;
}
