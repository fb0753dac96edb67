using System.Collections.Concurrent;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Collab.Server.Hubs;

/// <summary>
/// <c>/hubs/collab</c>: live documents over SignalR (JSON or MessagePack). Every method only
/// validates, authorizes and hands off to the room; refusals reach the caller as hub errors
/// carrying an <see cref="ErrorCode"/> (<c>[code] message</c>). See Hubs/README.md for the protocol.
/// </summary>
[Authorize]
public sealed partial class CollabHub(
    RoomManager rooms,
    ProjectAccess access,
    IHubContext<CollabHub> hubContext,
    IOptions<LimitOptions> limits,
    IOptions<RoomOptions> roomOptions,
    ChatConnections chatConnections,
    ConnectionGate connectionGate) : Hub
{
    public const string ReceiveUpdate = nameof(ReceiveUpdate);
    public const string ReceiveAwareness = nameof(ReceiveAwareness);
    public const string RoomClosed = nameof(RoomClosed);
    /// <summary>(projectId, role or null when removed, reason): the caller's access to a project changed.</summary>
    public const string AccessChanged = nameof(AccessChanged);
    private const string PeersItem = "collab.peers";
    private const string GateItem = "collab.edit-gate";
    private const string LeaseItem = "collab.lease";
    private const string NotFound = "Room not found.";

    /// <summary>
    /// Joins the room with the client's state vector (sync step 1) and returns sync step 2, the
    /// server's state vector and the awareness states. Unknown and forbidden rooms look alike.
    /// </summary>
    public async Task<JoinRoomResult> JoinRoom(string projectId, string docName, byte[] stateVector)
    {
        var key = ValidKey(projectId, docName);
        var role = await access.DocumentRoleAsync(Context.User!, key, Context.ConnectionAborted) ?? throw Refusals.Hub(ErrorCode.NotFound, NotFound);
        // Counted only for joins that get as far as the diff, so retries during an outage don't use it up.
        Gate().CheckSyncRequest(stateVector);
        var peers = Peers();
        if (peers.TryRemove(key, out var previous)) previous.Room?.Leave(previous);
        var peer = new HubRoomPeer(hubContext, Context, key, access.UserId(Context.User!)!, role, roomOptions.Value.PeerQueueCapacity,
            limits.Value.MaxQueuedBytesPerConnection);
        JoinResult result;
        try
        {
            result = await Guard(() => rooms.RunAsync(key, room => room.JoinAsync(peer, stateVector)));
        }
        catch
        {
            peer.CompleteOutbox();
            throw;
        }
        peers[key] = peer;
        return new JoinRoomResult(result.Update!, result.StateVector, result.Awareness, role.ToWire());
    }

    /// <summary>
    /// Applies a Yjs v1 update. Completes only after the update is persisted (the ack); then the
    /// other clients get it through <c>ReceiveUpdate</c>. Viewers are refused.
    /// </summary>
    public async Task SendUpdate(string projectId, string docName, byte[] update)
    {
        var peer = JoinedPeer(projectId, docName);
        await Guard(() => Gate().ApplyUpdateAsync(peer, update), peer);
    }

    /// <summary>Publishes a y-protocols awareness update (name, colour, cursor, selected cell).</summary>
    public async Task SendAwareness(string projectId, string docName, byte[] update)
    {
        var peer = JoinedPeer(projectId, docName);
        await Guard(() => Gate().ApplyAwarenessAsync(peer, update), peer);
    }

    /// <summary>Leaves the room; the caller's awareness states are removed for everyone.</summary>
    public Task LeaveRoom(string projectId, string docName)
    {
        if (Peers().TryRemove(new DocumentKey(projectId, docName), out var peer)) peer.Room?.Leave(peer);
        return Task.CompletedTask;
    }

    /// <summary>Counts the connection against its user's and address's caps; past them it is refused.</summary>
    public override Task OnConnectedAsync()
    {
        var userId = access.UserId(Context.User!) ?? throw Refusals.Hub(ErrorCode.Unauthorized, "The token names no user.");
        var address = Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString();
        var lease = connectionGate.TryEnter(userId, address, out var refusal) ?? throw Refusals.Hub(ErrorCode.RateLimited, refusal!);
        Context.Items[LeaseItem] = lease;
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        (Context.Items.TryGetValue(LeaseItem, out var lease) ? lease as IDisposable : null)?.Dispose();
        foreach (var peer in Peers().Values) peer.Room?.Leave(peer);
        Peers().Clear();
        chatConnections.RemoveConnection(Context.ConnectionId);
        return Task.CompletedTask;
    }

    private static DocumentKey ValidKey(string projectId, string docName)
    {
        if (!ProjectNames.IsValidProjectId(projectId) || !ProjectNames.IsValidDocName(docName)) throw Refusals.Hub(ErrorCode.NotFound, NotFound);
        return new DocumentKey(projectId, docName);
    }

    private HubRoomPeer JoinedPeer(string projectId, string docName) =>
        Peers().TryGetValue(new DocumentKey(projectId, docName), out var peer) && peer.Room is not null
            ? peer
            : throw Refusals.Hub(ErrorCode.Invalid, "Not in this room: call JoinRoom first.");

    private ConcurrentDictionary<DocumentKey, HubRoomPeer> Peers() => ConnectionItem(PeersItem, () => new ConcurrentDictionary<DocumentKey, HubRoomPeer>());

    /// <summary>The connection's edit gate (the same checks and codes as y-websocket; it holds the connection's rate limits).</summary>
    private EditGate Gate() => ConnectionItem(GateItem, () => new EditGate(limits.Value));

    /// <summary>Per-connection state; hubs are transient, the connection's items live as long as it does.</summary>
    private T ConnectionItem<T>(string key, Func<T> create) where T : class
    {
        lock (Context.Items)
        {
            if (Context.Items.TryGetValue(key, out var existing) && existing is T item) return item;
            var created = create();
            Context.Items[key] = created;
            return created;
        }
    }

    /// <summary>Room failures reach the caller as refusals with codes (<see cref="EditGate.ToRefusal"/>); a gone room forgets the peer.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> action, HubRoomPeer? peer = null)
    {
        try
        {
            return await EditGate.Guard(action);
        }
        catch (RoomGoneRefusal)
        {
            if (peer is not null) Peers().TryRemove(new KeyValuePair<DocumentKey, HubRoomPeer>(peer.Key, peer));
            throw;
        }
    }

    private Task Guard(Func<Task> action, HubRoomPeer peer) => Guard(async () => { await action(); return true; }, peer);
}
