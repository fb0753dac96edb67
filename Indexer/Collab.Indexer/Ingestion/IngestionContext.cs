using Collab.Indexer.Chunking;
using Collab.Indexer.Storage;
using Collab.Indexer.Vectors;

namespace Collab.Indexer.Ingestion;

/// <summary>The state one build passes from step to step.</summary>
internal sealed class IngestionContext(string sourceDirectory, IndexSnapshotStore store, string settingsFingerprint, IProgress<IngestionProgress>? progress)
{
    public string SourceDirectory { get; } = Path.GetFullPath(sourceDirectory);
    public IndexSnapshotStore Store { get; } = store;
    public string SettingsFingerprint { get; } = settingsFingerprint;
    public IProgress<IngestionProgress>? Progress { get; } = progress;

    /// <summary>The live snapshot's manifest, whatever settings it was built with.</summary>
    public IndexManifest PreviousManifest { get; set; } = new();

    /// <summary>The live snapshot the build copies and amends; null on a first build or after a settings change.</summary>
    public string? BaseSnapshot { get; set; }

    public int FilesSeen { get; set; }
    public List<string> Unchanged { get; } = [];
    /// <summary>New or modified files, to be (re)chunked.</summary>
    public List<SourceFile> Changed { get; } = [];
    /// <summary>Files in the base snapshot that are gone, or can no longer be read: their chunks are dropped.</summary>
    public List<string> Removed { get; } = [];
    public List<IngestionWarning> Warnings { get; } = [];

    /// <summary>Chunks of the changed files that parsed, with their file's hash.</summary>
    public Dictionary<string, (string ContentHash, IReadOnlyList<Chunk> Chunks)> NewChunks { get; } = new(StringComparer.Ordinal);
    public List<ChunkVector> NewVectors { get; } = [];
    /// <summary>How many of <see cref="NewVectors"/> came from the embedding cache.</summary>
    public int CachedEmbeddings { get; set; }

    /// <summary>The snapshot being written; null until there is something to write.</summary>
    public string? NewSnapshot { get; set; }
    public IndexManifest? NewManifest { get; set; }
    public bool Published { get; set; }

    public bool HasChanges => Changed.Count > 0 || Removed.Count > 0 || BaseSnapshot is null;

    public void Warn(string path, string reason) => Warnings.Add(new IngestionWarning(path, reason));
}
