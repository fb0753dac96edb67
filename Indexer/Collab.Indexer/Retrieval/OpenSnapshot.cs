using Collab.Indexer.Lexical;
using Collab.Indexer.Storage;

namespace Collab.Indexer.Retrieval;

/// <summary>
/// A published snapshot opened for reading, reference-counted so a swap can retire it while queries
/// that started on it finish on it.
/// </summary>
internal sealed class OpenSnapshot
{
    private int _references = 1;

    public OpenSnapshot(string name, string path)
    {
        Name = name;
        Path = path;
        Lexical = new LexicalSearcher(IndexSnapshotStore.LexicalPath(path));
    }

    public string Name { get; }
    public string Path { get; }
    public LexicalSearcher Lexical { get; }

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Lexical.Dispose();
    }
}
