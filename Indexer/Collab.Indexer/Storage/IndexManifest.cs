using System.Text.Json;

namespace Collab.Indexer.Storage;

/// <summary>
/// What a snapshot holds: each indexed file's content hash and chunk ids, and a fingerprint of the
/// settings it was built with. The next run compares against it to re-index only what changed.
/// </summary>
public sealed class IndexManifest
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Chunking and embedding settings; when they differ, every file is re-indexed.</summary>
    public string SettingsFingerprint { get; init; } = "";

    public Dictionary<string, IndexedFile> Files { get; init; } = new(StringComparer.Ordinal);

    public static IndexManifest Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(path), Json) ?? new IndexManifest()
            : new IndexManifest();

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}
