using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Errors;

/// <summary>Turns a <see cref="RefusalException"/> thrown by any hub method into a hub error with its code.</summary>
public sealed class RefusalHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (RefusalException refusal)
        {
            throw Refusals.Hub(refusal);
        }
    }
}
