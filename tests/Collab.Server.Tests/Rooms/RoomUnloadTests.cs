using Collab.Server.Auth;
using Collab.Server.Limits;
using Collab.Server.Rooms;
using Collab.Server.Storage;
using Collab.Server.Storage.Sqlite;
using Collab.Server.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Collab.Server.Tests.Rooms;

/// <summary>
/// An empty room stays loaded for <c>Rooms:UnloadGraceSeconds</c> on the room's clock, then
/// unloads. The clock is a fake moved by the test, so the grace period costs no real time.
/// </summary>
public sealed class RoomUnloadTests : IAsyncLifetime
{
    private static readonly DocumentKey Key = new("unload", "nb.ipynb");
    private readonly TestSqlite _file = new("rooms");
    private readonly FakeTimeProvider _clock = new();
    private RoomManager _rooms = null!;

    public async Task InitializeAsync()
    {
        var db = _file.Database;
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        var store = new SqliteDocumentStore(db);
        var limits = Options.Create(new LimitOptions());
        _rooms = new RoomManager(store, new Compactor(store, limits, NullLogger<Compactor>.Instance), new SingleNodeRoomBus(),
            Options.Create(new RoomOptions { UnloadGraceSeconds = 3600 }), limits, _clock, NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _rooms.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task An_empty_room_unloads_when_the_grace_period_has_passed()
    {
        var room = await LoadEmptyRoomAsync();

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(_rooms.IsLoaded(Key));

        // An hour on the fake clock; the real wait is for the room's actor to run the unload.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await room.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(_rooms.IsLoaded(Key));
    }

    [Fact]
    public async Task A_peer_joining_within_the_grace_period_keeps_the_room()
    {
        var room = await LoadEmptyRoomAsync();
        _clock.Advance(TimeSpan.FromMinutes(40));

        await room.JoinAsync(new SilentPeer(), stateVector: null);
        _clock.Advance(TimeSpan.FromMinutes(40));

        await room.ReadAsync(_ => true); // the actor has handled the timer's unload by now, if it posted one
        Assert.True(_rooms.IsLoaded(Key));
        Assert.False(room.Completion.IsCompleted);
    }

    /// <summary>
    /// Loads the room and returns once it has scheduled its unload: the actor schedules it after each
    /// piece of work, so when a second piece completes, the first one's schedule has been made.
    /// </summary>
    private async Task<Room> LoadEmptyRoomAsync()
    {
        var room = await _rooms.RunAsync(Key, r => r.ReadAsync(_ => r));
        await room.ReadAsync(_ => true);
        Assert.True(_rooms.IsLoaded(Key));
        return room;
    }

    /// <summary>A member that reads nothing back: enough to make the room non-empty.</summary>
    private sealed class SilentPeer() : RoomPeer(RoomUnloadTests.Key, "alice", ProjectRole.Editor, queueCapacity: 16, maxQueuedBytes: long.MaxValue)
    {
        public override bool EchoesAwareness => false;

        protected override ValueTask DeliverAsync(PeerMessage message, CancellationToken ct) => ValueTask.CompletedTask;

        protected override void OnOverflow() { }
    }
}
