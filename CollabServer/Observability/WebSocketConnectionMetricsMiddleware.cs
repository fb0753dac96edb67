namespace Collab.Server.Observability;

/// <summary>
/// Counts open y-websocket connections: the request to <c>/yjs/...</c> lasts as long as its socket.
/// A refused upgrade (unknown room) is counted for the few milliseconds it takes.
/// </summary>
public sealed class WebSocketConnectionMetricsMiddleware(RequestDelegate next, CollabMetrics metrics)
{
    private const string Transport = "y-websocket";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !context.Request.Path.StartsWithSegments("/yjs"))
        {
            await next(context);
            return;
        }
        metrics.ConnectionOpened(Transport);
        try
        {
            await next(context);
        }
        finally
        {
            metrics.ConnectionClosed(Transport);
        }
    }
}
