namespace Collab.Indexer.Ingestion;

/// <summary>A source file left out of the index, and why.</summary>
public sealed record IngestionWarning(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
