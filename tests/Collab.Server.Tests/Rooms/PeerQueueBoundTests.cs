using Collab.Server.Auth;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Rooms;

/// <summary>A peer's outbox holds at most its capacity in messages: one more drops the client, once; delivered messages free their place.</summary>
public class PeerQueueBoundTests
{
    [Fact]
    public async Task A_message_past_the_capacity_overflows_the_peer_once_and_the_pump_then_only_says_why()
    {
        var peer = new CountingPeer(queueCapacity: 3);
        for (var i = 0; i < 3; i++) peer.Enqueue(new PeerMessage(PeerMessageKind.Awareness, [(byte)i]));
        Assert.Equal(0, peer.Overflows);

        peer.Enqueue(new PeerMessage(PeerMessageKind.Awareness, [3]));
        peer.Enqueue(new PeerMessage(PeerMessageKind.Awareness, [4]));
        Assert.Equal(1, peer.Overflows);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await peer.PumpAsync(cts.Token).WaitAsync(cts.Token);
        Assert.Empty(peer.Delivered);
        Assert.Equal(1, peer.OverflowDeliveries);
    }

    [Fact]
    public async Task Messages_the_pump_delivered_free_their_place_in_the_queue()
    {
        var peer = new CountingPeer(queueCapacity: 2);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var pump = peer.PumpAsync(cts.Token);
        for (var i = 0; i < 10; i++)
        {
            peer.Enqueue(new PeerMessage(PeerMessageKind.Awareness, [(byte)i]));
            peer.Enqueue(new PeerMessage(PeerMessageKind.Awareness, [(byte)i]));
            await peer.DeliveredOne.WaitAsync(cts.Token);
            await peer.DeliveredOne.WaitAsync(cts.Token);
        }
        peer.Enqueue(new PeerMessage(PeerMessageKind.Closed, []));
        await pump.WaitAsync(cts.Token);

        Assert.Equal(0, peer.Overflows);
        Assert.Equal(21, peer.Delivered.Count);
    }

    private sealed class CountingPeer(int queueCapacity)
        : RoomPeer(new DocumentKey("p", "d"), "u", ProjectRole.Editor, queueCapacity, maxQueuedBytes: long.MaxValue)
    {
        public List<PeerMessage> Delivered { get; } = new();
        public SemaphoreSlim DeliveredOne { get; } = new(0);
        public int Overflows;
        public int OverflowDeliveries;

        public override bool EchoesAwareness => false;

        protected override ValueTask DeliverAsync(PeerMessage message, CancellationToken ct)
        {
            Delivered.Add(message);
            DeliveredOne.Release();
            return ValueTask.CompletedTask;
        }

        protected override void OnOverflow() => Interlocked.Increment(ref Overflows);

        protected override ValueTask DeliverOverflowAsync(CancellationToken ct)
        {
            OverflowDeliveries++;
            return ValueTask.CompletedTask;
        }
    }
}
