namespace Collab.Server.Auth;

/// <summary>
/// Browsers cannot set headers on a WebSocket or an <c>EventSource</c>, so only those handshakes
/// may carry the token as <c>?access_token=</c>: WebSocket upgrades of the hub and y-websocket,
/// and the hub's server-sent-events stream. Everywhere else (REST, even with upgrade headers
/// added) the query token is ignored, so it cannot leak through links, history or referrers.
/// </summary>
public static class QueryTokenRule
{
    public const string Parameter = "access_token";

    public static bool Allows(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/yjs")) return http.WebSockets.IsWebSocketRequest;
        if (!request.Path.StartsWithSegments("/hubs")) return false;
        return http.WebSockets.IsWebSocketRequest
            || (HttpMethods.IsGet(request.Method) && request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));
    }
}
