using Collab.Server.Auth;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.Tests.Rooms;

/// <summary>
/// The pump waits for messages without its token (a cancellable wait allocates every time):
/// cancellation must still end it, and drop what arrives afterwards instead of counting it as overflow.
/// </summary>
public class PeerPumpTests
{
    [Fact]
    public async Task An_idle_pump_ends_when_its_token_is_cancelled_and_later_messages_are_dropped()
    {
        var peer = new RecordingPeer();
        using var connection = new CancellationTokenSource();
        var pump = peer.PumpAsync(connection.Token);
        peer.Enqueue(new PeerMessage(PeerMessageKind.Update, [1, 2]));
        await peer.FirstDelivered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        connection.Cancel();
        await pump.WaitAsync(TimeSpan.FromSeconds(30));
        peer.Enqueue(new PeerMessage(PeerMessageKind.Update, [3, 4]));

        Assert.Single(peer.Delivered);
        Assert.False(peer.OverflowCalled);
    }

    [Fact]
    public async Task A_pump_given_a_cancelled_token_ends_without_waiting_for_messages()
    {
        var peer = new RecordingPeer();
        await peer.PumpAsync(new CancellationToken(canceled: true)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(peer.Delivered);
    }

    private sealed class RecordingPeer() : RoomPeer(new DocumentKey("p", "d"), "u", ProjectRole.Editor, queueCapacity: 100, maxQueuedBytes: long.MaxValue)
    {
        public TaskCompletionSource FirstDelivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<PeerMessage> Delivered { get; } = new();
        public bool OverflowCalled { get; private set; }

        public override bool EchoesAwareness => false;

        protected override ValueTask DeliverAsync(PeerMessage message, CancellationToken ct)
        {
            Delivered.Add(message);
            FirstDelivered.TrySetResult();
            return ValueTask.CompletedTask;
        }

        protected override void OnOverflow() => OverflowCalled = true;
    }
}
