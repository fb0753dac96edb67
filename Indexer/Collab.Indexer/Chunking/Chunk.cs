namespace Collab.Indexer.Chunking;

/// <summary>A retrievable passage: one heading's section of a file, or a part of it.</summary>
/// <param name="Id">Stable id derived from path, position and text; unchanged text keeps its id.</param>
/// <param name="Path">Source path relative to the indexed directory.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Anchor">GitHub-style slug of the section heading; empty for text before the first heading.</param>
/// <param name="HeadingPath">Headings from the top of the document down to this section.</param>
/// <param name="Text">The Markdown of the passage.</param>
/// <param name="Tags">The document's front matter tags.</param>
/// <param name="Ordinal">Position of the chunk within its file.</param>
public sealed record Chunk(
    string Id,
    string Path,
    string Title,
    string Anchor,
    IReadOnlyList<string> HeadingPath,
    string Text,
    IReadOnlyList<string> Tags,
    int Ordinal);
