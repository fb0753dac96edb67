using Collab.Crdt;
using Collab.Server.Auth;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Rooms;

/// <summary>A peer that fell behind gets its queued updates as one merged update, in order with other messages.</summary>
public class PeerCoalescingTests
{
    [Fact]
    public async Task Updates_queued_behind_a_slow_send_go_out_merged_and_other_messages_keep_their_place()
    {
        var peer = new GatedPeer();
        var source = new Doc();
        var updates = new List<byte[]>();
        source.UpdateV1 += (_, e) => updates.Add(e.Update);
        for (var i = 0; i < 4; i++) source.GetMap("m").Set($"k{i}", (long)i);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pump = peer.PumpAsync(cts.Token);
        peer.Enqueue(new PeerMessage(PeerMessageKind.Update, updates[0]));
        await peer.FirstDeliveryStarted.Task.WaitAsync(cts.Token); // the pump is now stuck sending the first
        peer.Enqueue(new PeerMessage(PeerMessageKind.Update, updates[1]));
        peer.Enqueue(new PeerMessage(PeerMessageKind.Update, updates[2]));
        peer.Enqueue(new PeerMessage(PeerMessageKind.Awareness, [0]));
        peer.Enqueue(new PeerMessage(PeerMessageKind.Update, updates[3]));
        peer.Enqueue(new PeerMessage(PeerMessageKind.Closed, []));
        peer.Release.SetResult();
        await pump.WaitAsync(cts.Token);

        Assert.Equal([PeerMessageKind.Update, PeerMessageKind.Update, PeerMessageKind.Awareness, PeerMessageKind.Update, PeerMessageKind.Closed],
            peer.Delivered.Select(m => m.Kind));
        var replica = new Doc();
        foreach (var message in peer.Delivered.Where(m => m.Kind == PeerMessageKind.Update)) replica.ApplyUpdate(message.Payload);
        Assert.Equal(source.EncodeStateVector(), replica.EncodeStateVector());
        Assert.Equal(3L, replica.GetMap("m").Get("k3"));
    }

    private sealed class GatedPeer() : RoomPeer(new DocumentKey("p", "d"), "u", ProjectRole.Editor, queueCapacity: 100, maxQueuedBytes: long.MaxValue)
    {
        public TaskCompletionSource FirstDeliveryStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<PeerMessage> Delivered { get; } = new();

        public override bool EchoesAwareness => false;

        protected override async ValueTask DeliverAsync(PeerMessage message, CancellationToken ct)
        {
            Delivered.Add(message);
            if (Delivered.Count == 1)
            {
                FirstDeliveryStarted.SetResult();
                await Release.Task;
            }
        }

        protected override void OnOverflow() => throw new InvalidOperationException("queue overflowed");
    }
}
