using System.Text;
using Collab.Copilot.Assistant.Safety;
using Collab.Copilot.Authoring.Redaction;

namespace Collab.Copilot.Assistant.Answering;

/// <summary>
/// Renders the asker's notebook as context for a model: the cell asked about first, then the
/// others, redacted and screened, cut at <c>Copilot:Answers:MaxNotebookChars</c>.
/// </summary>
internal static class NotebookText
{
    private const int RedactionMargin = 2048;

    public static string? Render(AnswerContext context)
    {
        var notebook = context.Notebook;
        var budget = context.Options.MaxNotebookChars;
        if (notebook is null || notebook.Cells.Count == 0 || budget == 0) return null;
        var ordered = notebook.Cells.OrderBy(c => c.Id == context.Request.CellId ? 0 : 1);
        var text = new StringBuilder();
        foreach (var cell in ordered)
        {
            var part = $"[cell {cell.Id}, {cell.Kind}]\n{cell.Source}\n" +
                       (cell.Outputs.Count > 0 ? $"[output]\n{string.Join('\n', cell.Outputs)}\n" : "");
            text.Append(part);
            if (text.Length >= budget) break;
        }
        // Cut before redacting, so one huge output costs no more than the budget; the margin lets
        // a secret that straddles the budget still be recognised whole before the final cut.
        var cut = text.Length > budget + RedactionMargin ? text.ToString(0, budget + RedactionMargin) : text.ToString();
        var clean = InjectionScreen.Screen(SecretRedactor.Redact(cut).Text);
        return clean.Length > budget ? clean[..budget] + "\n…" : clean;
    }

    /// <summary>The error outputs of the cell asked about, else of every cell; null when there are none.</summary>
    public static string? Errors(AnswerContext context)
    {
        var cells = context.Notebook?.Cells.Where(c => c.HasError).ToList();
        if (cells is null || cells.Count == 0) return null;
        var focused = cells.Where(c => c.Id == context.Request.CellId).ToList();
        return string.Join("\n", (focused.Count > 0 ? focused : cells).SelectMany(c => c.Outputs));
    }
}
