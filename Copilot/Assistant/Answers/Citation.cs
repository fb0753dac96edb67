namespace Collab.Copilot.Assistant.Answers;

/// <summary>One source an answer relies on; <c>[Number]</c> in the text points here.</summary>
/// <param name="Number">1-based marker number.</param>
/// <param name="Path">Documentation page, relative to the docs folder (e.g. <c>gpus/requesting-gpus.md</c>).</param>
/// <param name="Anchor">Heading anchor in the page; empty for the top of the page.</param>
/// <param name="Heading">The heading path, e.g. <c>Requesting GPUs › MIG slices</c>.</param>
public sealed record Citation(int Number, string Path, string Anchor, string Heading)
{
    /// <summary><c>path#anchor</c>, or the path alone for the top of a page.</summary>
    public string Reference => Anchor.Length == 0 ? Path : $"{Path}#{Anchor}";
}
