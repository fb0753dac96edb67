using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Errors;

/// <summary>The REST and hub shapes of a refusal: problem details with <c>code</c>, or a hub error with the <c>[code]</c> prefix.</summary>
public static class Refusals
{
    public const string CodeExtension = "code";
    public const string RetryAfterExtension = "retryAfter";

    /// <summary>Problem details carrying <paramref name="code"/> (and a retry-after: extension and <c>Retry-After</c> header).</summary>
    public static ProblemHttpResult Problem(HttpContext http, ErrorCode code, string detail, TimeSpan? retryAfter = null)
    {
        var extensions = new Dictionary<string, object?> { [CodeExtension] = code.ToWire() };
        if (retryAfter is { } wait)
        {
            extensions[RetryAfterExtension] = ErrorCodes.RetryAfterSeconds(wait);
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();
        }
        return TypedResults.Problem(detail, statusCode: code.HttpStatus(), extensions: extensions);
    }

    public static ProblemHttpResult Problem(HttpContext http, RefusalException refusal) => Problem(http, refusal.Code, refusal.Message, refusal.RetryAfter);

    public static HubException Hub(ErrorCode code, string message, TimeSpan? retryAfter = null) =>
        new(ErrorCodes.HubMessage(code, message, retryAfter));

    public static HubException Hub(RefusalException refusal) => Hub(refusal.Code, refusal.Message, refusal.RetryAfter);

    /// <summary>
    /// Runs an endpoint body, answering a <see cref="RefusalException"/> with its problem details.
    /// Typed, so the OpenAPI description shows both the body's result and the problem.
    /// </summary>
    public static async Task<Results<TResult, ProblemHttpResult>> Run<TResult>(HttpContext http, Func<Task<TResult>> action)
        where TResult : IResult
    {
        try
        {
            return await action();
        }
        catch (RefusalException refusal)
        {
            return Problem(http, refusal);
        }
    }
}
