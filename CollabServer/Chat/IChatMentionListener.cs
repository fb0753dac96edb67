namespace Collab.Server.Chat;

/// <summary>
/// Hook for bots: called once for each new message that mentions a bot (see <see cref="ChatBots"/>),
/// after the message is stored and broadcast, by <see cref="BotReplyWorker"/> off the sender's
/// request. The copilot registers one and answers through <see cref="IChatBotWriter"/>. An exception
/// is logged and reported in the chat as a failed message from the bot. Admission before the
/// message is stored is <see cref="IChatBotAdmission"/>.
/// </summary>
public interface IChatMentionListener
{
    Task OnBotMentionedAsync(string bot, ChatMessage message, CancellationToken ct);
}
