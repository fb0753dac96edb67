namespace Collab.Indexer.Documents;

/// <summary>A source file that cannot be indexed (binary, not UTF-8, broken front matter).</summary>
public sealed class InvalidDocumentException(string message, Exception? inner = null) : Exception(message, inner);
