namespace Collab.Indexer.Ingestion;

/// <summary>Where a build is: the step, how far into it, and the file at hand.</summary>
public sealed record IngestionProgress(string Step, int Completed, int Total, string? CurrentPath = null);
