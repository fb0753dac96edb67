using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Diagnosis.Describe;

/// <summary>
/// Reads the tables <c>kubectl get pods|nodes|pvc</c> print (a header of upper-case column names with NAME
/// and STATUS, then one row per object) into <see cref="StatusRow"/>s. A row's cells are found under the
/// header's columns, or by whitespace when the paste lost the alignment and the count still fits.
/// </summary>
public static partial class GetTableReader
{
    public static List<StatusRow> Read(IReadOnlyList<string> lines)
    {
        var rows = new List<StatusRow>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!Header().IsMatch(lines[i])) continue;
            var columns = Columns(lines[i]);
            var name = columns.FindIndex(c => c.Name == "NAME");
            var status = columns.FindIndex(c => c.Name == "STATUS");
            if (name < 0 || status < 0) continue;
            var j = i + 1;
            for (; j < lines.Count && lines[j].Trim().Length > 0 && !lines[j].TrimStart().StartsWith('$') && !Header().IsMatch(lines[j]); j++)
            {
                var cells = Cells(lines[j], columns);
                if (cells is null || cells[name].Length == 0 || cells[status].Length == 0) break;
                rows.Add(new StatusRow(j + 1, Name(cells[name]), cells[status], Cell(cells, columns, "READY"), Cell(cells, columns, "RESTARTS")));
            }
            i = j - 1;
        }
        return rows;
    }

    private static string? Cell(string[] cells, List<(string Name, int Start)> columns, string column) =>
        columns.FindIndex(c => c.Name == column) is var k and >= 0 && cells[k].Length > 0 ? cells[k] : null;

    // "pod/align-gpu-0" of `kubectl get pvc,pods` names the kind in the row; the name is what follows.
    private static string Name(string cell) => cell[(cell.IndexOf('/') + 1)..];

    private static List<(string Name, int Start)> Columns(string header) =>
        ColumnName().Matches(header).Select(m => (m.Value, m.Index)).ToList();

    /// <summary>The row's cells: by whitespace when they are as many as the columns, else under each header column.</summary>
    private static string[]? Cells(string row, List<(string Name, int Start)> columns)
    {
        var words = Spaced().Split(row.Trim());
        // "5 (61s ago)" in RESTARTS and "<none>" cells keep whitespace splitting honest only when counts agree.
        if (words.Length == columns.Count) return words;
        if (row.Length < columns[^1].Start) return null;
        var cells = new string[columns.Count];
        for (var k = 0; k < columns.Count; k++)
        {
            var start = columns[k].Start;
            var end = k + 1 < columns.Count ? columns[k + 1].Start : row.Length;
            cells[k] = start < row.Length ? row[start..Math.Min(end, row.Length)].Trim() : "";
        }
        return cells;
    }

    [GeneratedRegex(@"^\s*(NAMESPACE\s+)?NAME\s+([A-Z][A-Z ]*[A-Z]\s+)*STATUS\b")]
    private static partial Regex Header();

    // Column names are upper-case words; two-word names (NOMINATED NODE, ACCESS MODES) hold one space.
    [GeneratedRegex(@"[A-Z][A-Z\-]*( [A-Z][A-Z\-]*)?")]
    private static partial Regex ColumnName();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaced();
}
