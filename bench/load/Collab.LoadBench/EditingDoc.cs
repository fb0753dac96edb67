using Collab.Crdt;
using Collab.Crdt.Blocks;
using Collab.Crdt.Content;

namespace Collab.LoadBench;

/// <summary>
/// One simulated editor. Each edit sets this client's own key in the root map <c>m</c> to a fresh
/// edit id, so the doc stays small however long the run. Remote updates are read, not integrated:
/// the edit ids are taken straight from the decoded items of this run's writers. Each client
/// writes only its own key, so its Doc stays a valid base for its next edit without the others'
/// items, and the generator spends its CPU on the wire rather than on a thousand replicas.
/// </summary>
public sealed class EditingDoc
{
    private readonly Dictionary<ulong, long> _seenPerWriter = new();
    private readonly string _clientKey;
    private readonly IReadOnlySet<ulong> _runWriters;
    private readonly LatencyRecorder _recorder;
    private readonly Doc _doc = new();
    private byte[]? _local;

    /// <param name="runWriters">This run's writers: every EditingDoc adds its client id; edits of earlier runs are ignored.</param>
    public EditingDoc(string clientKey, HashSet<ulong> runWriters, LatencyRecorder recorder)
    {
        _clientKey = clientKey;
        _runWriters = runWriters;
        _recorder = recorder;
        runWriters.Add(_doc.ClientId);
        _doc.UpdateV1 += (_, e) => _local = e.Update;
    }

    public byte[]? Edit(out long id)
    {
        lock (_doc)
        {
            id = _recorder.NewEdit();
            if (id == 0) return null;
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
            if (s is not Item { Content: ContentAny any } item || item.Id.Client == _doc.ClientId || !_runWriters.Contains(item.Id.Client)) continue;
            foreach (var value in any.Arr)
            {
                var id = Convert.ToInt64(value);
                if (_seenPerWriter.TryGetValue(item.Id.Client, out var last) && last >= id) continue;
                _seenPerWriter[item.Id.Client] = id;
                _recorder.Seen(id);
            }
        }
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
