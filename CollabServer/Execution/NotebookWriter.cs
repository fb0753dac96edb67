using Collab.Crdt;
using Collab.Server.Rooms;
using Collab.Server.Storage;

namespace Collab.Server.Execution;

/// <summary>
/// Writes a kernel's results into the live notebook as the server's own changes. Changes that
/// arrive within <c>Jupyter:OutputFlushMilliseconds</c> go in one transaction, so a cell printing
/// thousands of lines costs a few dozen updates, not thousands; order is kept.
/// </summary>
public sealed class NotebookWriter(DocumentKey key, RoomManager rooms, TimeSpan flushDelay, ILogger logger)
{
    private readonly Lock _gate = new();
    private List<Action<Doc>> _pending = [];
    private Task _flushing = Task.CompletedTask;
    private bool _scheduled;

    /// <summary>Queues <paramref name="change"/>; it runs inside the room, in a transaction, soon.</summary>
    public void Enqueue(Action<Doc> change)
    {
        lock (_gate)
        {
            _pending.Add(change);
            if (_scheduled) return;
            _scheduled = true;
            _flushing = FlushLaterAsync(_flushing);
        }
    }

    /// <summary>Writes everything queued so far; completes once it is persisted.</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            _flushing = WriteAfterAsync(_flushing);
            return _flushing;
        }
    }

    private async Task FlushLaterAsync(Task previous)
    {
        await Task.Delay(flushDelay);
        await WriteAfterAsync(previous);
    }

    private async Task WriteAfterAsync(Task previous)
    {
        await previous;
        List<Action<Doc>> changes;
        lock (_gate)
        {
            changes = _pending;
            _pending = [];
            _scheduled = false;
        }
        if (changes.Count == 0) return;
        try
        {
            await rooms.RunAsync(key, room => room.EditAsync(doc => doc.Transact(_ =>
            {
                foreach (var change in changes) change(doc);
            })));
        }
        catch (Exception ex)
        {
            // The notebook may have been deleted or its store may be failing: the run goes on, its
            // output is lost, and the next change tries again.
            logger.LogWarning(ex, "Could not write kernel output into {Document}", key);
        }
    }
}
