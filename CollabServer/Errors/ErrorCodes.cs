using System.Globalization;

namespace Collab.Server.Errors;

/// <summary>The wire spelling, HTTP status and hub message format of <see cref="ErrorCode"/>: the one place they are defined.</summary>
public static class ErrorCodes
{
    public static string ToWire(this ErrorCode code) => code switch
    {
        ErrorCode.Invalid => "invalid",
        ErrorCode.Unauthorized => "unauthorized",
        ErrorCode.Forbidden => "forbidden",
        ErrorCode.NotFound => "not_found",
        ErrorCode.Conflict => "conflict",
        ErrorCode.TooLarge => "too_large",
        ErrorCode.RateLimited => "rate_limited",
        ErrorCode.Unavailable => "unavailable",
        _ => "internal",
    };

    public static int HttpStatus(this ErrorCode code) => code switch
    {
        ErrorCode.Invalid => StatusCodes.Status400BadRequest,
        ErrorCode.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Conflict => StatusCodes.Status409Conflict,
        ErrorCode.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
        ErrorCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The code of a problem written with only a status (every REST refusal gets one).</summary>
    public static ErrorCode FromHttpStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ErrorCode.Unauthorized,
        StatusCodes.Status403Forbidden => ErrorCode.Forbidden,
        StatusCodes.Status404NotFound => ErrorCode.NotFound,
        StatusCodes.Status409Conflict => ErrorCode.Conflict,
        StatusCodes.Status413PayloadTooLarge => ErrorCode.TooLarge,
        StatusCodes.Status429TooManyRequests => ErrorCode.RateLimited,
        StatusCodes.Status503ServiceUnavailable => ErrorCode.Unavailable,
        >= 400 and < 500 => ErrorCode.Invalid,
        _ => ErrorCode.Internal,
    };

    /// <summary>Seconds with millisecond precision: the retry-after of REST bodies and hub errors.</summary>
    public static double RetryAfterSeconds(TimeSpan retryAfter) => Math.Round(Math.Max(0.001, retryAfter.TotalSeconds), 3);

    /// <summary>
    /// A hub error's message: <c>[code] text</c>, or <c>[rate_limited retry_after=0.2] text</c>.
    /// SignalR clients see it after <c>HubException: </c>; the prefix is stable, the text is for people.
    /// </summary>
    public static string HubMessage(ErrorCode code, string message, TimeSpan? retryAfter = null) =>
        retryAfter is { } wait
            ? $"[{code.ToWire()} retry_after={RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture)}] {message}"
            : $"[{code.ToWire()}] {message}";
}
