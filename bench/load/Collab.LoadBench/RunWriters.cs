namespace Collab.LoadBench;

/// <summary>
/// This run's writers by Doc client id, each with the ids of its edits in the order it sent them.
/// Registered before the clients connect, read-only afterwards; items of earlier runs (which share
/// the rooms) belong to no registered writer and are ignored.
/// </summary>
public sealed class RunWriters
{
    private readonly Dictionary<ulong, WriterLog> _writers = new();

    public WriterLog Register(ulong clientId) => _writers[clientId] = new WriterLog();

    public WriterLog? Find(ulong clientId) => _writers.GetValueOrDefault(clientId);
}

/// <summary>One writer's edit ids, increasing; appended by the writer, read by every receiver.</summary>
public sealed class WriterLog
{
    private readonly List<long> _ids = new();

    public void Add(long id)
    {
        lock (_ids) _ids.Add(id);
    }

    /// <summary>
    /// The ids after position <paramref name="seenUpTo"/> up to and including <paramref name="id"/>:
    /// seeing a writer's value also delivers the values it superseded (a server may merge a
    /// register's overwrites into the last one). Returns the new position, or the old one when
    /// <paramref name="id"/> is not past it.
    /// </summary>
    public int DeliveredUpTo(long id, int seenUpTo, List<long> delivered)
    {
        lock (_ids)
        {
            var end = _ids.BinarySearch(seenUpTo + 1, _ids.Count - seenUpTo - 1, id, null);
            if (end < 0) return seenUpTo;
            for (var i = seenUpTo + 1; i <= end; i++) delivered.Add(_ids[i]);
            return end;
        }
    }
}
