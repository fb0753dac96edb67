namespace Collab.Server.Chat;

/// <summary>
/// A bot's say before a message mentioning it is stored: throw a <see cref="ChatException"/>
/// (e.g. the bot's rate limit) to refuse the post, so nothing is stored and no reply is started.
/// Whatever it takes (a rate-limit token) is the answer's. Kept apart from
/// <see cref="IChatMentionListener"/>, which writes through the chat, so the chat service that asks
/// does not depend on the bots that answer.
/// </summary>
public interface IChatBotAdmission
{
    void Admit(string bot, string authorId);
}
