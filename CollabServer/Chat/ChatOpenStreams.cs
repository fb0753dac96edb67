using System.Collections.Concurrent;

namespace Collab.Server.Chat;

/// <summary>
/// The streaming messages this process writes, from start to close: the watchdog renews them in
/// the store, so other replicas (and this one after a restart) can tell them from orphans.
/// </summary>
public sealed class ChatOpenStreams
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    public void Add(long messageId) => _ids.TryAdd(messageId, 0);

    public void Remove(long messageId) => _ids.TryRemove(messageId, out _);

    public IReadOnlyCollection<long> Ids => _ids.Keys.ToList();
}
