using Collab.Crdt;
using Collab.Crdt.Protocols;

namespace Collab.Server.Rooms;

/// <summary>
/// Presence: y-protocols awareness states, forwarded with the sender's identity stamped on them,
/// remembered per peer so they go when the peer leaves, and expired when a client vanishes without a close.
/// </summary>
public sealed partial class Room
{
    /// <summary>
    /// Applies a y-protocols awareness update and forwards it to the other peers, with the
    /// sender's identity stamped on it (<see cref="AwarenessIdentity"/>).
    /// </summary>
    public Task ApplyAwarenessAsync(RoomPeer sender, byte[] received) => InvokeAsync(() =>
    {
        RequireMember(sender);
        byte[] update;
        try
        {
            update = AwarenessIdentity.Stamp(received, sender.UserId, id => MayPublishAwareness(sender, id));
            _awareness.ApplyUpdate(update, sender);
        }
        catch (CrdtFormatException ex)
        {
            throw new UpdateRejectedException($"Malformed awareness update: {ex.Message}");
        }
        // Forwarded as stamped (y-websocket forwards on its 'update' event), which also
        // echoes a lone client's periodic renewal so its connection does not time out.
        Broadcast(new PeerMessage(PeerMessageKind.Awareness, update), sender, echoToSender: sender.EchoesAwareness);
        _bus.PublishAwareness(Key, update);
        return true;
    });

    /// <summary>A client id is the sender's if it holds it already, or nobody's state has it yet.</summary>
    private bool MayPublishAwareness(RoomPeer sender, ulong clientId) =>
        (_peers.TryGetValue(sender, out var own) && own.Contains(clientId)) || !_awareness.GetStates().ContainsKey(clientId);

    /// <summary>Every awareness state, encoded; null when there are none.</summary>
    public Task<byte[]?> GetAwarenessAsync() => InvokeAsync(() =>
        _awareness.GetStates().Count == 0 ? null : _awareness.EncodeUpdate(_awareness.GetStates().Keys));

    private void OnAwarenessUpdated(AwarenessChange change)
    {
        if (change.Origin == RemoteOrigin) return; // ReceiveAwareness forwards other nodes' messages as they are
        if (change.Origin is RoomPeer peer && _peers.TryGetValue(peer, out var clients))
        {
            // A peer's own message: remember whose states it carries (removed when it leaves);
            // ApplyAwarenessAsync forwards the message itself.
            foreach (var id in change.Added) clients.Add(id);
            foreach (var id in change.Updated) clients.Add(id);
            foreach (var id in change.Removed) clients.Remove(id);
            return;
        }
        // States removed because their peer left or went silent: tell everyone left.
        if (change.Removed.Count > 0)
        {
            var removal = _awareness.EncodeUpdate(change.Removed);
            Broadcast(new PeerMessage(PeerMessageKind.Awareness, removal), except: null);
            _bus.PublishAwareness(Key, removal);
        }
    }

    /// <summary>Drops awareness states not renewed for 30 s (a client that vanished without a close).</summary>
    private async Task ExpireAwarenessAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), _time);
        while (await timer.WaitForNextTickAsync() && !_closed)
        {
            var work = new ActionWork<bool>(() => ValueTask.FromResult(_awareness.RemoveOutdated().Count > 0));
            if (!_inbox.Writer.TryWrite(work)) return;
        }
    }
}
