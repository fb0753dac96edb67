using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Observability;

/// <summary>Times every hub method and counts open SignalR connections.</summary>
public sealed class HubMetricsFilter(CollabMetrics metrics) : IHubFilter
{
    private const string Transport = "signalr";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var result = await next(context);
            failed = false;
            return result;
        }
        finally
        {
            metrics.RecordHubMethod(context.HubMethodName, Stopwatch.GetElapsedTime(started), failed);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        // Counted before the hub's own handler: SignalR calls OnDisconnectedAsync even when that throws.
        metrics.ConnectionOpened(Transport);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.ConnectionClosed(Transport);
        await next(context, exception);
    }
}
