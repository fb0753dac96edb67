using System.Collections.Concurrent;
using Collab.Server.Auth;
using Collab.Server.Limits;
using Collab.Server.Storage;
using Microsoft.Extensions.Options;

namespace Collab.Server.Rooms;

/// <summary>
/// Finds or lazily creates the one live <see cref="Room"/> per document. Rooms remove themselves
/// when they unload; a request that raced with an unload is retried on a fresh room.
/// </summary>
public sealed class RoomManager(
    IDocumentStore store,
    Compactor compactor,
    IRoomBus bus,
    IOptions<RoomOptions> options,
    IOptions<LimitOptions> limits,
    TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private const int Attempts = 5;
    private readonly ConcurrentDictionary<DocumentKey, Room> _rooms = new();
    private readonly Lock _createGate = new();
    private readonly ILogger _logger = loggers.CreateLogger<Room>();

    /// <summary>Raised when a room has caught up from the store after a gap or a bus reconnect, with the reason.</summary>
    public event Action<string>? Resynced;

    /// <summary>Raised when a transport drops a connection that read slower than its room changed, with the transport's name.</summary>
    public event Action<string>? SlowReaderDropped;

    /// <summary>Called by a transport that dropped a slow reader (see <see cref="RoomPeer.OnOverflow"/>).</summary>
    public void ReportSlowReader(string transport) => SlowReaderDropped?.Invoke(transport);

    /// <summary>
    /// Raised inside a room's actor after a change became durable (a client's batch, a server edit,
    /// or another node's updates), with the users of this node who sent it; handlers must be quick.
    /// </summary>
    public event Action<DocumentKey, IReadOnlyList<string>>? Edited;

    /// <summary>Rooms currently loaded.</summary>
    public int Count => _rooms.Count;

    public bool IsLoaded(DocumentKey key) => _rooms.ContainsKey(key);

    /// <summary>Runs <paramref name="action"/> against the live room, loading it if needed.</summary>
    public async Task<T> RunAsync<T>(DocumentKey key, Func<Room, Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            var room = GetOrCreate(key);
            try
            {
                return await action(room);
            }
            catch (RoomClosedException) when (attempt < Attempts)
            {
                await room.Completion;
            }
        }
    }

    public Task RunAsync(DocumentKey key, Func<Room, Task> action) =>
        RunAsync(key, async room => { await action(room); return true; });

    /// <summary>Closes the room if it is loaded (its document was deleted), telling its clients why.</summary>
    public async Task EvictAsync(DocumentKey key, string reason)
    {
        if (_rooms.TryGetValue(key, out var room))
        {
            try { await room.CloseAsync(reason, flush: false); }
            catch (RoomClosedException) { }
        }
    }

    /// <summary>Applies a member's removal or new role to the loaded rooms of the project.</summary>
    public async Task ApplyAccessChangeAsync(string projectId, string userId, ProjectRole? newRole, string reason)
    {
        foreach (var room in _rooms.Values.Where(r => r.Key.ProjectId == projectId))
        {
            try { await room.ApplyAccessChangeAsync(userId, newRole, reason); }
            catch (Exception ex) when (ex is RoomClosedException or RoomUnavailableException) { }
        }
    }

    /// <summary>Every (project, user, role) a live room connection of this node acts with.</summary>
    public async Task<List<(string ProjectId, string UserId, ProjectRole Role)>> LiveMembersAsync()
    {
        var members = new List<(string, string, ProjectRole)>();
        foreach (var room in _rooms.Values)
        {
            try { members.AddRange((await room.PeerRolesAsync()).Select(p => (room.Key.ProjectId, p.UserId, p.Role))); }
            catch (Exception ex) when (ex is RoomClosedException or RoomUnavailableException) { }
        }
        return members;
    }

    /// <summary>Closes every loaded room of a project (the project was deleted).</summary>
    public async Task EvictProjectAsync(string projectId, string reason)
    {
        foreach (var key in _rooms.Keys.Where(k => k.ProjectId == projectId)) await EvictAsync(key, reason);
    }

    private Room GetOrCreate(DocumentKey key)
    {
        if (_rooms.TryGetValue(key, out var room)) return room;
        lock (_createGate)
        {
            if (_rooms.TryGetValue(key, out room)) return room;
            room = new Room(key, store, compactor, options.Value, limits.Value, bus, Remove, _logger, time, reason => Resynced?.Invoke(reason),
                (k, authors) => Edited?.Invoke(k, authors));
            _rooms[key] = room;
            return room;
        }
    }

    private void Remove(Room room) => _rooms.TryRemove(new KeyValuePair<DocumentKey, Room>(room.Key, room));

    /// <summary>On shutdown every room folds its log into a snapshot, so the next start loads fast.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var room in _rooms.Values)
        {
            try { await room.CloseAsync("server stopping", flush: true).WaitAsync(TimeSpan.FromSeconds(10)); }
            catch (Exception ex) when (ex is RoomClosedException or TimeoutException or RoomUnavailableException) { }
        }
    }
}
