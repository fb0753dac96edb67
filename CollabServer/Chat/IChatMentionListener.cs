namespace Collab.Server.Chat;

/// <summary>
/// Hook for bots: called once for each new message that mentions a bot (see <see cref="ChatBots"/>),
/// after the message is stored and broadcast, off the sender's request. The copilot registers one
/// and answers through <see cref="IChatService"/>. Exceptions are logged and otherwise ignored.
/// </summary>
public interface IChatMentionListener
{
    /// <summary>
    /// Called before a message mentioning <paramref name="bot"/> is stored: throw a
    /// <see cref="ChatException"/> (e.g. the bot's rate limit) to refuse the post, so nothing is
    /// stored and no reply is started. Whatever it takes (a rate-limit token) is the answer's.
    /// </summary>
    void Admit(string bot, string authorId) { }

    Task OnBotMentionedAsync(string bot, ChatMessage message, CancellationToken ct);
}
