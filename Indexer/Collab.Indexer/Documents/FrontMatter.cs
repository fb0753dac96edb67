namespace Collab.Indexer.Documents;

/// <summary>The fields of a YAML front matter block that indexing uses.</summary>
internal sealed record FrontMatter(string? Title, string? Description, IReadOnlyList<string> Tags)
{
    public static readonly FrontMatter Empty = new(null, null, []);
}
