using System.Collections.Concurrent;
using Collab.Server.Storage;

namespace Collab.Server.History;

/// <summary>
/// Who edited which notebook since its last version. Rooms report their senders on every change;
/// each (notebook, user) is written to the store once per version period, off the room, so the
/// next version, whichever replica keeps it, lists everyone whose edits it holds.
/// </summary>
public sealed class AuthorNotes(IVersionStore store, ILogger<AuthorNotes> logger)
{
    private readonly ConcurrentDictionary<DocumentKey, HashSet<string>> _noted = new();
    private readonly ConcurrentQueue<(DocumentKey Key, string UserId)> _unwritten = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>
    /// Called inside a room's actor: remembers, and starts writing off the room when someone new
    /// edited (once per user and version period, so at once: the next version may be another replica's).
    /// </summary>
    public void Note(DocumentKey key, IReadOnlyList<string> userIds)
    {
        if (userIds.Count == 0) return;
        var noted = _noted.GetOrAdd(key, _ => []);
        var added = false;
        lock (noted)
        {
            foreach (var user in userIds)
            {
                if (!noted.Add(user)) continue;
                _unwritten.Enqueue((key, user));
                added = true;
            }
        }
        if (added) _ = Task.Run(() => FlushAsync());
    }

    /// <summary>A version of the notebook was kept: the next edits start a new list.</summary>
    public void Forget(DocumentKey key) => _noted.TryRemove(key, out _);

    /// <summary>Writes what was noted; a failure is logged and the authors are noted again on their next edit.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var batch = new List<(DocumentKey Key, string UserId)>();
            while (_unwritten.TryDequeue(out var item)) batch.Add(item);
            foreach (var group in batch.GroupBy(b => b.Key))
            {
                try
                {
                    await store.NoteAuthorsAsync(group.Key, group.Select(g => g.UserId).ToList(), ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not note the authors of {Document}", group.Key);
                    Forget(group.Key);
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }
}
