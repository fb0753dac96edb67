using Collab.Server.Auth;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.AspNetCore.SignalR;

namespace Collab.Server.Hubs;

/// <summary>A SignalR connection's seat in one room; its pump calls the client methods in order.</summary>
public sealed class HubRoomPeer : RoomPeer
{
    private readonly IHubContext<CollabHub> _hub;
    private readonly HubCallerContext _caller;

    public HubRoomPeer(IHubContext<CollabHub> hub, HubCallerContext caller, DocumentKey key, string userId, ProjectRole role,
        int queueCapacity, long maxQueuedBytes)
        : base(key, userId, role, queueCapacity, maxQueuedBytes)
    {
        _hub = hub;
        _caller = caller;
        _ = PumpAsync(caller.ConnectionAborted);
    }

    public override bool EchoesAwareness => false;

    protected override async ValueTask DeliverAsync(PeerMessage message, CancellationToken ct)
    {
        var client = _hub.Clients.Client(_caller.ConnectionId);
        switch (message.Kind)
        {
            case PeerMessageKind.Update:
                await client.SendAsync(CollabHub.ReceiveUpdate, Key.ProjectId, Key.DocName, message.Payload, ct);
                break;
            case PeerMessageKind.Awareness:
                await client.SendAsync(CollabHub.ReceiveAwareness, Key.ProjectId, Key.DocName, message.Payload, ct);
                break;
            case PeerMessageKind.AccessChanged:
                await client.SendAsync(CollabHub.AccessChanged, Key.ProjectId, Role.ToWire(), message.Reason, ct);
                break;
            case PeerMessageKind.Closed:
                // Revoked: say so first, so the client shows the reason instead of rejoining.
                if (message.CloseCode == Room.AccessRevokedCloseCode)
                    await client.SendAsync(CollabHub.AccessChanged, Key.ProjectId, null, message.Reason, ct);
                await client.SendAsync(CollabHub.RoomClosed, Key.ProjectId, Key.DocName, message.Reason ?? "closed", ct);
                break;
        }
    }

    // A client that cannot keep up would otherwise grow the server's memory without bound.
    protected override void OnOverflow() => _caller.Abort();
}
