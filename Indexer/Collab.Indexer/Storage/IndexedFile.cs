namespace Collab.Indexer.Storage;

/// <summary>One source file as it was indexed.</summary>
/// <param name="ContentHash">SHA-256 of the file's bytes, hex.</param>
/// <param name="ChunkIds">Ids of the chunks the file produced.</param>
public sealed record IndexedFile(string ContentHash, IReadOnlyList<string> ChunkIds);
