namespace Collab.Copilot.Runtime.Scheduling;

/// <summary>
/// A bounded queue that is fair between callers: first in, first out per key, round-robin
/// across keys, so one user's burst cannot starve another. Not thread-safe; the scheduler
/// holds its lock around every call.
/// </summary>
internal sealed class FairQueue<T>
{
    private readonly Dictionary<string, Queue<T>> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _turns = new();

    public FairQueue(int capacity) => Capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="item"/> unless the queue is full.</summary>
    public bool TryEnqueue(string key, T item)
    {
        if (Count >= Capacity) return false;
        if (!_byKey.TryGetValue(key, out var queue))
        {
            _byKey[key] = queue = new Queue<T>();
            _turns.AddLast(key);
        }
        queue.Enqueue(item);
        Count++;
        return true;
    }

    /// <summary>Takes the oldest item of the key whose turn it is.</summary>
    public bool TryDequeue(out T item)
    {
        var first = _turns.First;
        if (first is null)
        {
            item = default!;
            return false;
        }
        var queue = _byKey[first.Value];
        item = queue.Dequeue();
        Count--;
        _turns.RemoveFirst();
        if (queue.Count > 0) _turns.AddLast(first.Value);
        else _byKey.Remove(first.Value);
        return true;
    }

    /// <summary>Removes and returns everything (used at shutdown).</summary>
    public List<T> DrainAll()
    {
        var all = new List<T>(Count);
        while (TryDequeue(out var item)) all.Add(item);
        return all;
    }
}
