namespace Collab.Copilot.Assistant.Notebooks;

/// <summary>One cell of a notebook as the copilot reads it.</summary>
/// <param name="Id">The cell id.</param>
/// <param name="Kind"><c>code</c>, <c>markdown</c> or <c>raw</c>.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Outputs">Its outputs as text (streams, plain-text results, errors with tracebacks).</param>
/// <param name="HasError">True when an output is an error.</param>
public sealed record NotebookCellSnapshot(string Id, string Kind, string Source, IReadOnlyList<string> Outputs, bool HasError);
