namespace Collab.Indexer.Retrieval;

/// <summary>A retrieved passage with what a citation needs.</summary>
/// <param name="Path">Source file, relative to the indexed directory.</param>
/// <param name="Anchor">GitHub-style heading anchor within the file; empty for the top of the file.</param>
/// <param name="HeadingPath">Headings from the document's top down to the passage.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Text">The passage, as Markdown.</param>
/// <param name="Score">Ranking score; higher is better, comparable only within one result list.</param>
public sealed record DocumentHit(
    string Path,
    string Anchor,
    IReadOnlyList<string> HeadingPath,
    string Title,
    string Text,
    double Score)
{
    /// <summary><c>path#anchor</c>, or the path alone for the top of a file.</summary>
    public string Citation => Anchor.Length == 0 ? Path : $"{Path}#{Anchor}";
}
