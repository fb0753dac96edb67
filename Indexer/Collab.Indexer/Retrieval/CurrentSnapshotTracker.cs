using Collab.Indexer.Storage;

namespace Collab.Indexer.Retrieval;

/// <summary>Keeps the live snapshot open and follows <c>CURRENT</c> when a build publishes a new one.</summary>
internal sealed class CurrentSnapshotTracker(IndexSnapshotStore store) : IDisposable
{
    private readonly Lock _gate = new();
    private OpenSnapshot? _current;

    /// <summary>The live snapshot with a reference held for the caller, who must release it; null when none is published.</summary>
    public OpenSnapshot? Acquire()
    {
        var name = store.ReadCurrentName();
        lock (_gate)
        {
            if (_current?.Name != name)
            {
                var retired = _current;
                _current = name is null ? null : new OpenSnapshot(name, store.CurrentSnapshotPath()!);
                retired?.Release();
            }
            _current?.AddReference();
            return _current;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Release();
            _current = null;
        }
    }
}
