namespace Collab.Indexer.Ingestion;

/// <summary>
/// The outcome of one build. <c>Published</c> is false when nothing changed and the live snapshot was
/// kept; <c>Warnings</c> name the files that were skipped; <c>EmbeddingsReused</c> counts passages whose
/// vectors came from the embedding cache instead of the model.
/// </summary>
public sealed record IngestionSummary(
    int FilesSeen,
    int Added,
    int Updated,
    int Unchanged,
    int Deleted,
    int ChunksWritten,
    int ChunksInIndex,
    IReadOnlyList<IngestionWarning> Warnings,
    bool Published,
    string? SnapshotPath,
    TimeSpan Elapsed,
    int EmbeddingsReused = 0);
