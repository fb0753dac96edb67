using System.Data.Common;
using Collab.Server.Errors;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Scaling;

/// <summary>
/// While the database is away (restart, failover) every hub call that needs it fails; without
/// this the caller gets SignalR's opaque "unexpected error". Rooms already say "join again"
/// for a failed save; this covers the rest (membership checks, chat) with the same promise.
/// </summary>
public sealed class StoreUnavailableHubFilter(ILogger<StoreUnavailableHubFilter> logger) : IHubFilter
{
    public const string Message = "The database is unreachable right now, so nothing was stored or acknowledged; try again shortly.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (DbException ex)
        {
            logger.LogWarning("Hub call {Method} failed on the store: {Reason}", context.HubMethodName, ex.Message);
            throw Refusals.Hub(ErrorCode.Unavailable, Message);
        }
    }
}
