namespace Collab.Server.Chat;

/// <summary>
/// Hook for bots: called once for each new message that mentions a bot (see <see cref="ChatBots"/>),
/// after the message is stored and broadcast, off the sender's request. The copilot registers one
/// and answers through <see cref="IChatService"/>. Exceptions are logged and otherwise ignored.
/// </summary>
public interface IChatMentionListener
{
    Task OnBotMentionedAsync(string bot, ChatMessage message, CancellationToken ct);
}
