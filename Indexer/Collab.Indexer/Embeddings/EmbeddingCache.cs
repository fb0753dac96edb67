using System.Security.Cryptography;
using System.Text;

namespace Collab.Indexer.Embeddings;

/// <summary>
/// Chunk embeddings kept on disk, keyed by the model and a SHA-256 of the exact text embedded, so a
/// rebuild (a restart over a fresh index folder, a settings change that re-chunks everything, an edit
/// that moves headings) re-embeds only the passages whose text changed: embedding the documentation
/// with a CPU model costs minutes, looking a vector up costs nothing.
/// One append-only file per model; a record cut short by a crash is dropped on the next load.
/// </summary>
internal sealed class EmbeddingCache
{
    private const int FormatVersion = 1;
    private const int HashBytes = 32;

    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private long _validLength;

    /// <param name="folder">Where the cache files live (created when missing).</param>
    /// <param name="modelKey">Identifies the model and everything that changes its output for one text (e.g. the input clip length).</param>
    public EmbeddingCache(string folder, string modelKey)
    {
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelKey)))[..16];
        _path = Path.Combine(folder, $"{name}.vectors");
        Load();
    }

    public int Count => _vectors.Count;

    public bool TryGet(string text, out float[] vector) => _vectors.TryGetValue(Key(text), out vector!);

    /// <summary>Appends new vectors (ones already held are skipped).</summary>
    public void Add(IReadOnlyList<(string Text, ReadOnlyMemory<float> Vector)> entries)
    {
        var fresh = entries.Select(e => (Key: Key(e.Text), e.Vector)).Where(e => _vectors.TryAdd(e.Key, e.Vector.ToArray())).ToList();
        if (fresh.Count == 0) return;
        using var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        // Cut off a torn record left by a crash before appending after it.
        stream.SetLength(_validLength);
        stream.Seek(0, SeekOrigin.End);
        using var writer = new BinaryWriter(stream);
        if (_validLength == 0) writer.Write(FormatVersion);
        foreach (var (key, vector) in fresh) WriteRecord(writer, key, vector.Span);
        writer.Flush();
        _validLength = stream.Length;
    }

    /// <summary>
    /// Rewrites the file with only the vectors of <paramref name="texts"/>: called after a full build,
    /// when every text of the corpus has been looked up, so the cache never outgrows the corpus for long.
    /// </summary>
    public void Compact(IEnumerable<string> texts)
    {
        var keep = texts.Select(Key).Distinct().Where(_vectors.ContainsKey).ToList();
        if (keep.Count == _vectors.Count) return;
        var temporary = _path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(FormatVersion);
            foreach (var key in keep) WriteRecord(writer, key, _vectors[key]);
        }
        File.Move(temporary, _path, overwrite: true);
        var kept = keep.ToDictionary(k => k, k => _vectors[k], StringComparer.Ordinal);
        _vectors.Clear();
        foreach (var (key, vector) in kept) _vectors[key] = vector;
        _validLength = new FileInfo(_path).Length;
    }

    private static string Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void WriteRecord(BinaryWriter writer, string key, ReadOnlySpan<float> vector)
    {
        writer.Write(Convert.FromHexString(key));
        writer.Write(vector.Length);
        foreach (var value in vector) writer.Write(value);
    }

    private void Load()
    {
        if (!File.Exists(_path)) return;
        using var reader = new BinaryReader(File.OpenRead(_path));
        var length = reader.BaseStream.Length;
        if (length < sizeof(int) || reader.ReadInt32() != FormatVersion) return;
        _validLength = sizeof(int);
        while (length - reader.BaseStream.Position >= HashBytes + sizeof(int))
        {
            var key = Convert.ToHexStringLower(reader.ReadBytes(HashBytes));
            var dimensions = reader.ReadInt32();
            if (dimensions is <= 0 or > 65536 || length - reader.BaseStream.Position < (long)dimensions * sizeof(float)) break;
            var vector = new float[dimensions];
            for (var i = 0; i < dimensions; i++) vector[i] = reader.ReadSingle();
            _vectors[key] = vector;
            _validLength = reader.BaseStream.Position;
        }
    }
}
