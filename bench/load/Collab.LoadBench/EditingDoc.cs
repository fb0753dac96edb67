using Collab.Crdt;
using Collab.Crdt.Blocks;
using Collab.Crdt.Content;

namespace Collab.LoadBench;

/// <summary>
/// One simulated editor. Each edit sets this client's own key in the root map <c>m</c> to a fresh
/// edit id, so the doc stays small however long the run. Remote updates are read, not integrated:
/// the edit ids are taken straight from the decoded items of this run's writers. Each client
/// writes only its own key, so its Doc stays a valid base for its next edit without the others'
/// items, and the generator spends its CPU on the wire rather than on a thousand replicas. A
/// writer's value counts as seen together with the values of that writer it superseded: a server
/// that merges queued updates may send only the last value of a key (the others were deleted).
/// </summary>
public sealed class EditingDoc : IEditingDoc
{
    private readonly Dictionary<ulong, int> _seenUpTo = new();
    private readonly List<long> _delivered = new();
    private readonly string _clientKey;
    private readonly RunWriters _runWriters;
    private readonly WriterLog _ownEdits;
    private readonly LatencyRecorder _recorder;
    private readonly Doc _doc = new();
    private byte[]? _local;

    /// <param name="runWriters">This run's writers: every EditingDoc registers itself there.</param>
    public EditingDoc(string clientKey, RunWriters runWriters, LatencyRecorder recorder)
    {
        _clientKey = clientKey;
        _runWriters = runWriters;
        _recorder = recorder;
        _ownEdits = runWriters.Register(_doc.ClientId);
        _doc.UpdateV1 += (_, e) => _local = e.Update;
    }

    public byte[]? Edit(out long id)
    {
        lock (_doc)
        {
            id = _recorder.NewEdit();
            if (id == 0) return null;
            _ownEdits.Add(id);
            _local = null;
            var edited = id;
            _doc.Transact(_ => _doc.GetMap("m").Set(_clientKey, edited));
            return _local;
        }
    }

    /// <summary>Reports the edit ids in <paramref name="update"/> this client had not seen yet. Called from one receive loop.</summary>
    public void ApplyRemote(byte[] update)
    {
        foreach (var s in Updates.Decode(update).Structs)
        {
            if (s is not Item { Content: ContentAny any } item || item.Id.Client == _doc.ClientId) continue;
            if (_runWriters.Find(item.Id.Client) is not { } writer) continue;
            foreach (var value in any.Arr)
            {
                var seenUpTo = _seenUpTo.GetValueOrDefault(item.Id.Client, -1);
                _seenUpTo[item.Id.Client] = writer.DeliveredUpTo(Convert.ToInt64(value), seenUpTo, _delivered);
            }
        }
        foreach (var id in _delivered) _recorder.Seen(id);
        _delivered.Clear();
    }

    public byte[] StateVector()
    {
        lock (_doc) return _doc.EncodeStateVector();
    }

    public byte[] Diff(byte[] stateVector)
    {
        lock (_doc) return _doc.EncodeStateAsUpdate(stateVector);
    }
}
