using System.Text;
using System.Text.Json.Nodes;
using Collab.Copilot.Authoring;

namespace Collab.Server.History;

/// <summary>
/// A cell-level diff between two notebooks (nbformat 4.5, so every cell has an id): cells added,
/// removed, moved (out of the longest run the two share in order) and changed, with a unified diff
/// of each changed source and whether outputs or metadata changed.
/// </summary>
public sealed record NotebookDiff(bool NotebookMetadataChanged, IReadOnlyList<CellDiff> Cells)
{
    // A line diff costs lines(a) x lines(b); past this a changed source is shown as replaced whole.
    private const long MaxLineDiffCells = 1_000_000;

    public static NotebookDiff Between(JsonObject from, JsonObject to)
    {
        var before = CellsOf(from);
        var after = CellsOf(to);
        var beforeIndex = before.Select((c, i) => (c, i)).ToDictionary(p => Id(p.c), p => p.i);
        var afterIndex = after.Select((c, i) => (c, i)).ToDictionary(p => Id(p.c), p => p.i);
        var common = before.Select(Id).Where(afterIndex.ContainsKey).ToList();
        var inOrder = RestoreSteps.LongestCommonSubsequence(common, after.Select(Id).Where(beforeIndex.ContainsKey).ToList());

        var diffs = new List<CellDiff>();
        for (var i = 0; i < before.Count; i++)
        {
            if (afterIndex.ContainsKey(Id(before[i]))) continue;
            diffs.Add(new CellDiff(Id(before[i]), CellChange.Removed, Type(before[i]), i, null, false,
                SourceDiff(Source(before[i]), "", Id(before[i])), false, false));
        }
        for (var j = 0; j < after.Count; j++)
        {
            var cell = after[j];
            var id = Id(cell);
            if (!beforeIndex.TryGetValue(id, out var i))
            {
                diffs.Add(new CellDiff(id, CellChange.Added, Type(cell), null, j, false, SourceDiff("", Source(cell), id), false, false));
                continue;
            }
            var old = before[i];
            var moved = !inOrder.Contains(id);
            var typeChanged = Type(old) != Type(cell);
            var sourceChanged = Source(old) != Source(cell);
            var outputs = !JsonNode.DeepEquals(old["outputs"], cell["outputs"]) || !JsonNode.DeepEquals(old["execution_count"], cell["execution_count"]);
            var metadata = !JsonNode.DeepEquals(old["metadata"], cell["metadata"]) || !JsonNode.DeepEquals(old["attachments"], cell["attachments"]);
            if (!(typeChanged || sourceChanged || outputs || metadata || moved)) continue;
            var change = typeChanged || sourceChanged || outputs || metadata ? CellChange.Changed : CellChange.Moved;
            diffs.Add(new CellDiff(id, change, Type(cell), i, j, moved,
                sourceChanged ? SourceDiff(Source(old), Source(cell), id) : null, outputs, metadata || typeChanged));
        }
        diffs.Sort((a, b) => (a.ToIndex ?? a.FromIndex ?? 0).CompareTo(b.ToIndex ?? b.FromIndex ?? 0));
        return new NotebookDiff(!JsonNode.DeepEquals(from["metadata"], to["metadata"]), diffs);
    }

    private static string SourceDiff(string before, string after, string cellId)
    {
        long lines(string s) => s.Count(ch => ch == '\n') + 1;
        if (lines(before) * lines(after) <= MaxLineDiffCells) return UnifiedDiff.Create(before, after, cellId);
        var text = new StringBuilder($"--- a/{cellId}\n+++ b/{cellId}\n@@ whole source replaced @@\n");
        foreach (var line in before.Split('\n')) text.Append('-').Append(line).Append('\n');
        foreach (var line in after.Split('\n')) text.Append('+').Append(line).Append('\n');
        return text.ToString();
    }

    private static List<JsonObject> CellsOf(JsonObject notebook) => (notebook["cells"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    private static string Id(JsonObject cell) => (string?)cell["id"] ?? "";

    private static string Type(JsonObject cell) => (string?)cell["cell_type"] ?? "";

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var s => (string?)s ?? "",
    };
}
