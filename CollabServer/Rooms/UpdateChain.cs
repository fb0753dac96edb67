using Collab.Server.Storage;

namespace Collab.Server.Rooms;

/// <summary>
/// Puts a room's appends (its own and other nodes') back into log order. Each append names the
/// head it followed (<see cref="AppendedRange.PreviousSeq"/>), so an append that does not follow
/// <see cref="Head"/> means one in between has not arrived yet: it waits here until it has, or
/// until the room gives up waiting and resyncs from the store.
/// </summary>
internal sealed class UpdateChain
{
    private readonly Dictionary<long, ChainLink> _waiting = new();

    /// <summary>The room's Doc holds every log entry up to this seq.</summary>
    public long Head { get; private set; }

    /// <summary>Some append arrived whose predecessor has not.</summary>
    public bool HasGap => _waiting.Count > 0;

    /// <summary>Adds an append; returns the ones that now follow the head, in order.</summary>
    public List<ChainLink> Offer(ChainLink link)
    {
        if (link.Range.LastSeq <= Head) return [];
        _waiting.TryAdd(link.Range.PreviousSeq, link);
        return Drain();
    }

    /// <summary>The Doc now holds everything up to <paramref name="head"/> (loaded from the store).</summary>
    public List<ChainLink> Reset(long head)
    {
        Head = Math.Max(Head, head);
        foreach (var (previous, link) in _waiting.ToList())
        {
            if (link.Range.LastSeq <= Head) _waiting.Remove(previous);
        }
        return Drain();
    }

    private List<ChainLink> Drain()
    {
        var ready = new List<ChainLink>();
        while (_waiting.Remove(Head, out var next))
        {
            ready.Add(next);
            Head = next.Range.LastSeq;
        }
        return ready;
    }
}
