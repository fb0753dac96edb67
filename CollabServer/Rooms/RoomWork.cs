namespace Collab.Server.Rooms;

/// <summary>An item in a room's inbox. Updates are a separate kind so the actor can batch them.</summary>
internal abstract class RoomWork
{
    public abstract void Fail(Exception error);
}

internal sealed class UpdateWork(RoomPeer? sender, byte[] update, bool reserved = false) : RoomWork
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RoomPeer? Sender => sender;
    public byte[] Update => update;

    /// <summary>Part of a server change whose room in the document was reserved beforehand (<see cref="Room.ApplyInStepsAsync"/>).</summary>
    public bool Reserved => reserved;
    public Task Completion => _done.Task;

    public void Accept() => _done.TrySetResult();
    public override void Fail(Exception error) => _done.TrySetException(error);
}

internal abstract class ActionWork : RoomWork
{
    public abstract Task RunAsync();
}

internal sealed class ActionWork<T>(Func<ValueTask<T>> run) : ActionWork
{
    private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Completion => _done.Task;

    public override async Task RunAsync()
    {
        try { _done.TrySetResult(await run()); }
        catch (Exception ex) { _done.TrySetException(ex); }
    }

    public override void Fail(Exception error) => _done.TrySetException(error);
}
