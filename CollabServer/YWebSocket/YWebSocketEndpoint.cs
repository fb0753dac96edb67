using Collab.Server.Auth;
using Collab.Server.Errors;
using Microsoft.AspNetCore.Authentication;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.YWebSocket;

public static class YWebSocketEndpoint
{
    /// <summary>
    /// <c>/yjs/{projectId}/{docName}</c>: the stock y-websocket client's protocol, on the same
    /// rooms as the SignalR hub. The client's <c>serverUrl</c> is <c>ws://host/yjs/{projectId}</c>
    /// and its room name the document name; the token comes as <c>?access_token=</c> or a header.
    /// </summary>
    public static IEndpointRouteBuilder MapYWebSocket(this IEndpointRouteBuilder app)
    {
        app.Map("/yjs/{projectId}/{docName}", HandleAsync).RequireAuthorization().WithTags("y-websocket").ExcludeFromDescription();
        return app;
    }

    private static async Task HandleAsync(
        HttpContext http, string projectId, string docName, ProjectAccess access, RoomManager rooms, ConnectionGate gate,
        IOptions<LimitOptions> limits, IOptions<RoomOptions> roomOptions, ILoggerFactory loggers)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("This endpoint speaks the y-websocket protocol over WebSocket.");
            return;
        }
        var key = new DocumentKey(projectId, docName);
        var role = await access.DocumentRoleAsync(http.User, key, http.RequestAborted);
        if (role is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound; // the same for unknown and forbidden
            return;
        }
        using var lease = gate.TryEnter(access.UserId(http.User)!, http.Connection.RemoteIpAddress?.ToString(), out var refusal);
        if (lease is null)
        {
            await Refusals.Problem(http, ErrorCode.RateLimited, refusal!).ExecuteAsync(http);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var peer = new YWebSocketPeer(socket, key, access.UserId(http.User)!, role.Value, roomOptions.Value.PeerQueueCapacity,
            limits.Value.MaxQueuedBytesPerConnection, TimeSpan.FromSeconds(limits.Value.SlowReaderCloseSeconds),
            () => rooms.ReportSlowReader("y-websocket"));
        Room room;
        JoinResult joined;
        try
        {
            (room, joined) = await rooms.RunAsync(key, async r => (r, await r.JoinAsync(peer, stateVector: null)));
        }
        catch (Exception ex) when (ex is RoomClosedException or RoomUnavailableException)
        {
            await socket.CloseOutputAsync(YWebSocketPeer.RoomClosedStatus,
                YCloseReason.Format(YWebSocketPeer.RoomClosedStatus, "room unavailable, reconnect"), CancellationToken.None);
            return;
        }
        var logger = loggers.CreateLogger<YWebSocketConnection>();
        var expiresAt = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        await new YWebSocketConnection(socket, peer, room, limits.Value, logger).RunAsync(joined, expiresAt, http.RequestAborted);
    }
}
