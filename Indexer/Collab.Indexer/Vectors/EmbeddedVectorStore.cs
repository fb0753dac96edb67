using System.Collections.Concurrent;
using Collab.Indexer.Storage;
using System.Numerics.Tensors;

namespace Collab.Indexer.Vectors;

/// <summary>
/// The in-process default: vectors in a binary file inside the snapshot, searched exactly (cosine over
/// every vector). Exact search over a documentation corpus's few thousand chunks takes well under a millisecond.
/// </summary>
public sealed class EmbeddedVectorStore : IVectorStore
{
    private const int FormatVersion = 1;
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<ChunkVector>>> _loaded = new(StringComparer.Ordinal);

    public Task ApplyAsync(string snapshotPath, VectorChanges changes, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty) return Task.CompletedTask;
        var path = IndexSnapshotStore.VectorsPath(snapshotPath);
        var removed = changes.RemovedChunkIds.ToHashSet(StringComparer.Ordinal);
        var kept = Read(path).Where(v => !removed.Contains(v.ChunkId));
        Write(path, kept.Concat(changes.Added).ToList());
        _loaded.TryRemove(snapshotPath, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<VectorMatch>> SearchAsync(string snapshotPath, ReadOnlyMemory<float> query, int top, CancellationToken cancellationToken)
    {
        // Snapshots are immutable once published, so a loaded one can be cached for good.
        var vectors = _loaded.GetOrAdd(snapshotPath,
            p => new Lazy<IReadOnlyList<ChunkVector>>(() => Read(IndexSnapshotStore.VectorsPath(p)))).Value;
        var matches = new List<VectorMatch>(vectors.Count);
        foreach (var vector in vectors)
        {
            if (vector.Vector.Length != query.Length) continue;
            matches.Add(new VectorMatch(vector.ChunkId, TensorPrimitives.CosineSimilarity(query.Span, vector.Vector.Span)));
        }
        IReadOnlyList<VectorMatch> best = matches.OrderByDescending(m => m.Score).Take(top).ToList();
        return Task.FromResult(best);
    }

    private static List<ChunkVector> Read(string path)
    {
        if (!File.Exists(path)) return [];
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != FormatVersion) throw new InvalidDataException($"{path}: unknown vector file format");
        var count = reader.ReadInt32();
        var vectors = new List<ChunkVector>(count);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadString();
            var source = reader.ReadString();
            var values = new float[reader.ReadInt32()];
            for (var j = 0; j < values.Length; j++) values[j] = reader.ReadSingle();
            vectors.Add(new ChunkVector(id, source, values));
        }
        return vectors;
    }

    private static void Write(string path, IReadOnlyList<ChunkVector> vectors)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(FormatVersion);
        writer.Write(vectors.Count);
        foreach (var vector in vectors)
        {
            writer.Write(vector.ChunkId);
            writer.Write(vector.Path);
            writer.Write(vector.Vector.Length);
            foreach (var value in vector.Vector.Span) writer.Write(value);
        }
    }
}
