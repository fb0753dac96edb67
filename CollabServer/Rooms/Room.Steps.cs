namespace Collab.Server.Rooms;

/// <summary>
/// Server changes too large for one turn of the actor (a notebook import): applied as several
/// updates, each queued like a client's, so peers' edits go on in between.
/// </summary>
public sealed partial class Room
{
    private long _reservedBytes;

    /// <summary>
    /// Applies <paramref name="updates"/> in order, each persisted and broadcast like a client's update.
    /// Their total is reserved under <c>Limits:MaxDocumentBytes</c> first, so lack of room refuses the
    /// change before any step (<see cref="UpdateRejectedException"/>, nothing applied), never part-way.
    /// </summary>
    public async Task ApplyInStepsAsync(IReadOnlyList<byte[]> updates)
    {
        var total = updates.Sum(u => (long)u.Length);
        await InvokeAsync(() =>
        {
            if (_persistence.ApproxBytes + _reservedBytes + total > _limits.MaxDocumentBytes)
                throw new UpdateRejectedException(
                    $"The document would exceed Limits:MaxDocumentBytes ({_limits.MaxDocumentBytes} bytes); nothing was applied.");
            _reservedBytes += total;
            return true;
        });
        var applied = 0L;
        try
        {
            foreach (var update in updates)
            {
                var work = new UpdateWork(null, update, reserved: true);
                Post(work);
                await work.Completion;
                applied += update.Length;
            }
        }
        finally
        {
            var unused = total - applied;
            // A step that failed leaves its share reserved; give it back (a closed room drops it anyway).
            if (unused > 0) _inbox.Writer.TryWrite(new ActionWork<bool>(() => { _reservedBytes -= unused; return ValueTask.FromResult(true); }));
        }
    }
}
