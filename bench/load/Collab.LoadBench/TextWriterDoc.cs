using Collab.Crdt;
using Collab.Crdt.Types;

namespace Collab.LoadBench;

/// <summary>
/// A writer of the text workload: each edit inserts <c>#</c> and its 7-digit edit id (the send time
/// is kept by id) at a random position of one shared <c>Y.Text</c>. It does not integrate what it
/// receives, so the generator's CPU goes to the wire and to the observers; positions are therefore
/// random among its own inserts, on their boundaries, so an observer's delta always carries whole ids.
/// </summary>
public sealed class TextWriterDoc : IEditingDoc
{
    /// <summary>Characters per edit: <c>#</c> and 7 digits.</summary>
    public const int EditLength = 8;

    /// <summary>Edit ids must fit the 7 digits.</summary>
    public const long MaxEditId = 9_999_999;

    private readonly Doc _doc = new();
    private readonly YText _text;
    private readonly LatencyRecorder _recorder;
    private readonly Random _random;
    private int _inserted;
    private byte[]? _local;

    public TextWriterDoc(string textName, LatencyRecorder recorder, int seed)
    {
        _recorder = recorder;
        _random = new Random(seed);
        _text = _doc.GetText(textName);
        _doc.UpdateV1 += (_, e) => _local = e.Update;
    }

    public byte[]? Edit(out long id)
    {
        lock (_doc)
        {
            id = _recorder.NewEdit();
            if (id == 0) return null;
            _local = null;
            _text.Insert(EditLength * _random.Next(_inserted + 1), $"#{id:D7}");
            _inserted++;
            return _local;
        }
    }

    public void ApplyRemote(byte[] update) { }

    public byte[] StateVector()
    {
        lock (_doc) return _doc.EncodeStateVector();
    }

    public byte[] Diff(byte[] stateVector)
    {
        lock (_doc) return _doc.EncodeStateAsUpdate(stateVector);
    }
}
