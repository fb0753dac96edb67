namespace Collab.Indexer.Ingestion;

/// <summary>A file found in the source directory, read once and hashed.</summary>
internal sealed record SourceFile(string Path, byte[] Content, string ContentHash);
