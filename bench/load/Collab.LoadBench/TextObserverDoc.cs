using Collab.Crdt;

namespace Collab.LoadBench;

/// <summary>
/// The observer of a text-workload room: integrates every update it receives into a real Doc and
/// reads the edit ids out of the inserts of the text's delta, each id's send → seen time going to
/// the recorder. Integration drops duplicates (an update sent twice inserts nothing the second time).
/// </summary>
public sealed class TextObserverDoc : IEditingDoc
{
    private readonly Doc _doc = new();

    public TextObserverDoc(string textName, LatencyRecorder recorder)
    {
        _doc.GetText(textName).Observe((e, _) =>
        {
            foreach (var op in e.Delta)
            {
                if (op.Insert is not string inserted) continue;
                for (var i = inserted.IndexOf('#'); i >= 0 && i + TextWriterDoc.EditLength <= inserted.Length; i = inserted.IndexOf('#', i + 1))
                {
                    if (long.TryParse(inserted.AsSpan(i + 1, TextWriterDoc.EditLength - 1), out var id)) recorder.Seen(id);
                }
            }
        });
    }

    public byte[]? Edit(out long id)
    {
        id = 0;
        return null;
    }

    public void ApplyRemote(byte[] update)
    {
        lock (_doc) _doc.ApplyUpdate(update);
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
