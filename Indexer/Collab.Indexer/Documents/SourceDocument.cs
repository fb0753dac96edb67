namespace Collab.Indexer.Documents;

/// <summary>A Markdown source file with its front matter read out.</summary>
/// <param name="Path">Path relative to the indexed directory, with '/' separators; the citation key.</param>
/// <param name="Title">Front matter <c>title</c>, else the first level-1 heading, else the file name.</param>
/// <param name="Description">Front matter <c>description</c>, if any.</param>
/// <param name="Tags">Front matter <c>tags</c>.</param>
/// <param name="Body">The Markdown after the front matter.</param>
public sealed record SourceDocument(
    string Path,
    string Title,
    string? Description,
    IReadOnlyList<string> Tags,
    string Body);
