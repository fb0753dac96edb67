using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.History;

/// <summary>
/// Takes a version of a live notebook: its state is encoded inside the room (one actor turn),
/// compressed and stored outside it, so the room's edit loop never waits on the store.
/// </summary>
public sealed class VersionWriter(RoomManager rooms, IVersionStore store, AuthorNotes authors, TimeProvider clock)
{
    /// <summary>
    /// Stores the notebook as it is now. With <paramref name="onlyIfNewer"/> nothing is stored
    /// (null) when a version already covers this state, which is how one replica of several keeps it.
    /// </summary>
    public async Task<NotebookVersion?> WriteAsync(DocumentKey key, VersionKind kind, string? name,
        IReadOnlyCollection<string> authorIds, bool onlyIfNewer, CancellationToken ct = default)
    {
        var (state, seq) = await rooms.RunAsync(key, room => room.CaptureAsync());
        return await WriteAsync(key, kind, name, authorIds, state, seq, onlyIfNewer, ct);
    }

    /// <summary>Stores a state already captured (<see cref="Room.CaptureAsync"/>).</summary>
    public async Task<NotebookVersion?> WriteAsync(DocumentKey key, VersionKind kind, string? name,
        IReadOnlyCollection<string> authorIds, byte[] state, long seq, bool onlyIfNewer, CancellationToken ct = default)
    {
        // Authors noted on this node but not yet written belong to this version too.
        await authors.FlushAsync(ct);
        var compressed = await Task.Run(() => VersionState.Compress(state), ct);
        return await store.AddAsync(key, new NewVersion(kind, name, authorIds, seq, compressed, state.Length, Now()), onlyIfNewer, ct);
    }

    // Milliseconds: what both backends keep exactly.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
