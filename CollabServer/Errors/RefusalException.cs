namespace Collab.Server.Errors;

/// <summary>
/// A refused request with its <see cref="ErrorCode"/>; nothing was changed and the message is
/// meant for the user. The hub and REST turn it into their own shapes (<see cref="Refusals"/>).
/// </summary>
public class RefusalException(ErrorCode code, string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public ErrorCode Code { get; } = code;

    /// <summary>Set for <see cref="ErrorCode.RateLimited"/>: when trying again can succeed.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
