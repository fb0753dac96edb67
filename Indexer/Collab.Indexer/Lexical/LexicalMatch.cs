namespace Collab.Indexer.Lexical;

/// <summary>A BM25 hit: a chunk by Lucene doc id, with its file's path.</summary>
internal sealed record LexicalMatch(int DocId, string Path, float Score);
