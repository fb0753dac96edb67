namespace Collab.Server.Notebooks;

/// <summary>
/// Bounds of a notebook created from or imported as .ipynb (section <c>Notebooks</c>), on top of
/// <c>Limits:MaxDocumentBytes</c>. Building the shared model costs time per part, whatever the bytes.
/// </summary>
public sealed class NotebookOptions
{
    public const string Section = "Notebooks";

    /// <summary><c>Notebooks:MaxCells</c>: most cells an imported notebook may have.</summary>
    public int MaxCells { get; set; } = 10_000;

    /// <summary>
    /// <c>Notebooks:MaxParts</c>: most parts an imported notebook may have: its cells, their outputs
    /// and the keys of the notebook's, each cell's and each output's metadata (each becomes its own
    /// element of the shared model).
    /// </summary>
    public int MaxParts { get; set; } = 200_000;
}
