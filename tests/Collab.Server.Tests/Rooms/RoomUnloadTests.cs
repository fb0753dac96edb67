using Collab.Crdt;
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

    private const int CompactAfterUpdates = 3;
    private SqliteDocumentStore _store = null!;
    private Compactor _compactor = null!;

    public async Task InitializeAsync()
    {
        var db = _file.Database;
        await new SqliteStoreMaintenance(db).EnsureSchemaAsync();
        _store = new SqliteDocumentStore(db);
        var limits = Options.Create(new LimitOptions());
        _compactor = new Compactor(_store, limits, NullLogger<Compactor>.Instance);
        await _compactor.StartAsync(CancellationToken.None);
        // A log share no log of these tests reaches: once there is a snapshot, only an unload folds the log.
        var options = new RoomOptions { UnloadGraceSeconds = 3600, CompactAfterUpdates = CompactAfterUpdates, CompactLogShare = 100 };
        _rooms = new RoomManager(_store, _compactor, new SingleNodeRoomBus(), Options.Create(options), limits, _clock, NullLoggerFactory.Instance);
    }

    public async Task DisposeAsync()
    {
        await _compactor.StopAsync(CancellationToken.None);
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

    [Fact]
    public async Task A_room_with_a_short_log_unloads_without_a_snapshot_and_loads_again_from_its_log()
    {
        var room = await LoadEmptyRoomAsync();
        await room.EditAsync(doc => doc.GetMap("meta").Set("title", "short log"));

        _clock.Advance(TimeSpan.FromHours(1));
        await room.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        // The log is durable: no snapshot was written for one entry, and the next load replays it.
        var stored = await _store.LoadAsync(Key);
        Assert.Null(stored.Snapshot);
        Assert.Single(stored.Log);
        Assert.Equal("short log", await _rooms.RunAsync(Key, r => r.ReadAsync(doc => doc.GetMap("meta").Get("title"))));
    }

    [Fact]
    public async Task A_room_with_a_long_log_hands_it_to_the_compactor_when_it_unloads()
    {
        // A snapshot first, so the few entries below are too small a share to fold while the room is live.
        var seed = new Doc();
        seed.GetMap("meta").Set("title", "seeded");
        var update = seed.EncodeStateAsUpdate();
        Assert.True(await _store.CompactAsync(Key, update, (await _store.AppendAsync(Key, [update])).LastSeq));
        var room = await LoadEmptyRoomAsync();
        for (var i = 0; i < CompactAfterUpdates; i++) await room.EditAsync(doc => doc.GetMap("meta").Set("n", $"edit {i}"));
        Assert.Equal(CompactAfterUpdates, (await _store.LoadAsync(Key)).Log.Count);

        _clock.Advance(TimeSpan.FromHours(1));
        await room.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        // The room is gone before its log is folded: the compactor does that after, from the store.
        var stored = await LogDrainedAsync();
        Assert.True(stored.SnapshotSeq > 1);
        Assert.Equal($"edit {CompactAfterUpdates - 1}", await _rooms.RunAsync(Key, r => r.ReadAsync(doc => doc.GetMap("meta").Get("n"))));
    }

    /// <summary>Polls the store until the compactor has folded the document's log (no timing is asserted).</summary>
    private async Task<StoredDocument> LogDrainedAsync()
    {
        for (var attempt = 0; attempt < 3000; attempt++)
        {
            var stored = await _store.LoadAsync(Key);
            if (stored.Log.Count == 0) return stored;
            await Task.Delay(10);
        }
        throw new TimeoutException("The compactor did not fold the log.");
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
