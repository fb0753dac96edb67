namespace Collab.Indexer.Lexical;

/// <summary>Lucene field names of a chunk document.</summary>
internal static class ChunkFields
{
    public const string Id = "id";
    /// <summary>Exact source path, for deleting a file's chunks and for results.</summary>
    public const string Path = "path";
    public const string Anchor = "anchor";
    public const string Ordinal = "ordinal";

    /// <summary>Fields named so are analysed without stemming.</summary>
    public const string ExactSuffix = "_exact";

    public static readonly SearchFields Chunk = new(
        Body: "body", ExactBody: "body_exact", Headings: "headings", Title: "title", PathWords: "path_words", Tags: "tags");
}
