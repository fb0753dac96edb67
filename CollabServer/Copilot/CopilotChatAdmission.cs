using Collab.Server.Chat;

namespace Collab.Server.Copilot;

/// <summary>
/// The copilot's rate limit on questions asked in chat: a post mentioning the copilot over the
/// asker's allowance is refused before it is stored, and so is a retry.
/// </summary>
public sealed class CopilotChatAdmission(CopilotRateLimiter limiter) : IChatBotAdmission
{
    public void Admit(string bot, string authorId)
    {
        if (string.Equals(bot, ChatBots.Copilot, StringComparison.OrdinalIgnoreCase) && !ChatBots.Names.Contains(authorId)) Acquire(authorId);
    }

    /// <summary>Takes one question from the asker's copilot allowance, or refuses with <see cref="Errors.ErrorCode.RateLimited"/>.</summary>
    public void Acquire(string userId)
    {
        if (!limiter.TryAcquire(userId, out var refusal, out var retryAfter)) throw new ChatException(Errors.ErrorCode.RateLimited, refusal, retryAfter);
    }
}
