using Collab.Crdt;

namespace Collab.LoadBench;

/// <summary>
/// One simulated editor's document. Each edit sets this client's key in the root map <c>m</c> to a
/// fresh edit id (the doc stays small however long the run); after applying a remote update the
/// client reads the room's keys and reports the ids it had not seen yet.
/// </summary>
public sealed class EditingDoc(string clientKey, IReadOnlyList<string> roomKeys, LatencyRecorder recorder)
{
    private static readonly object Remote = new();
    private readonly Dictionary<string, long> _seen = new();
    private byte[]? _local;
    private Doc? _doc;

    public Doc Doc => _doc ??= CreateDoc();

    public byte[]? Edit(out long id)
    {
        lock (Doc)
        {
            id = recorder.NewEdit();
            if (id == 0) return null;
            _local = null;
            var edited = id;
            Doc.Transact(_ => Doc.GetMap("m").Set(clientKey, edited));
            return _local;
        }
    }

    public void ApplyRemote(byte[] update)
    {
        lock (Doc)
        {
            Doc.ApplyUpdate(update, Remote);
            var map = Doc.GetMap("m");
            foreach (var key in roomKeys)
            {
                if (key == clientKey || map.Get(key) is not IConvertible value) continue;
                var id = Convert.ToInt64(value);
                if (_seen.TryGetValue(key, out var last) && last >= id) continue;
                _seen[key] = id;
                recorder.Seen(id);
            }
        }
    }

    public byte[] StateVector()
    {
        lock (Doc) return Doc.EncodeStateVector();
    }

    public byte[] Diff(byte[] stateVector)
    {
        lock (Doc) return Doc.EncodeStateAsUpdate(stateVector);
    }

    private Doc CreateDoc()
    {
        var doc = new Doc();
        doc.UpdateV1 += (_, e) => { if (e.Origin != Remote) _local = e.Update; };
        return doc;
    }
}
