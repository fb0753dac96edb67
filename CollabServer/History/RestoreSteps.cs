using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;
using Collab.Server.Rooms;

namespace Collab.Server.History;

/// <summary>
/// Builds a restore away from the room, as a forward change on a copy of the live document: cells
/// are matched by id, so a cell that exists in both keeps its identity and only what differs in it
/// is edited; cells only in the version are inserted (with their ids), cells not in it deleted, and
/// cells whose order differs moved (deleted and inserted again). Concurrent edits that reach the
/// room while the steps are applied merge as any concurrent edit does. Each cell's change is its
/// own transaction, packed into steps no larger than a client's update.
/// </summary>
public static class RestoreSteps
{
    /// <summary>The steps that bring the whole notebook to <paramref name="target"/>.</summary>
    public static List<byte[]> Whole(byte[] currentState, JsonObject target, int maxUpdateBytes) =>
        UpdatePacker.Edit(currentState, maxUpdateBytes, doc => MatchWhole(doc, target));

    /// <summary>
    /// The steps that bring one cell to its content in <paramref name="target"/>: edited in place if it
    /// still exists, else inserted after the nearest cell that precedes it in the version and still exists.
    /// </summary>
    public static List<byte[]> Cell(byte[] currentState, JsonObject target, string cellId, int maxUpdateBytes) =>
        UpdatePacker.Edit(currentState, maxUpdateBytes, doc => MatchCell(doc, target, cellId));

    private static void MatchWhole(Doc doc, JsonObject target)
    {
        var wanted = TargetCells(target);
        var wantedById = wanted.ToDictionary(c => (string)c["id"]!);
        var cells = doc.GetArray("cells");

        // 1. Cells the version lacks, cells whose type changed, repeated ids and unreadable cells go.
        var seen = new HashSet<string>();
        var live = cells.ToArray().ToList();
        var doomed = new List<int>();
        for (var i = 0; i < live.Count; i++)
        {
            var keep = live[i] is YMap cell && cell.Get("id") is string id && seen.Add(id)
                && wantedById.TryGetValue(id, out var w) && (string?)w["cell_type"] == cell.Get("cell_type") as string;
            if (!keep) doomed.Add(i);
        }
        DeleteAt(doc, cells, doomed);

        // 2. Of the cells both have, the longest run already in the version's order stays; the rest move.
        var remaining = cells.ToArray().Select(c => (string)((YMap)c!).Get("id")!).ToList();
        var order = wanted.Select(c => (string)c["id"]!).Where(id => remaining.Contains(id)).ToList();
        var staying = LongestCommonSubsequence(remaining, order);
        DeleteAt(doc, cells, remaining.Select((id, i) => (id, i)).Where(p => !staying.Contains(p.id)).Select(p => p.i).ToList());

        // 3. Walk the version's cells: edit those that stayed, insert the others where they belong.
        for (var i = 0; i < wanted.Count; i++)
        {
            var cellJson = wanted[i];
            var id = (string)cellJson["id"]!;
            var index = i;
            if (staying.Contains(id)) doc.Transact(_ => NotebookModel.MatchCell((YMap)cells.Get(index)!, cellJson));
            else doc.Transact(_ => cells.Insert(index, NotebookModel.NewCell(cellJson)));
        }
        doc.Transact(_ => NotebookModel.MatchNotebookMetadata(doc, target));
    }

    private static void MatchCell(Doc doc, JsonObject target, string cellId)
    {
        var wanted = TargetCells(target);
        var at = wanted.FindIndex(c => (string?)c["id"] == cellId);
        if (at < 0) throw new KeyNotFoundException($"The version has no cell '{cellId}'.");
        var cellJson = wanted[at];
        var cells = doc.GetArray("cells");
        var live = cells.ToArray().ToList();
        var index = live.FindIndex(c => c is YMap m && m.Get("id") as string == cellId);
        if (index >= 0 && ((YMap)live[index]!).Get("cell_type") as string == (string?)cellJson["cell_type"])
        {
            doc.Transact(_ => NotebookModel.MatchCell((YMap)live[index]!, cellJson));
            return;
        }
        if (index >= 0)
        {
            doc.Transact(_ => cells.Delete(index));
            live = cells.ToArray().ToList();
        }
        var insertAt = 0;
        for (var p = at - 1; p >= 0; p--)
        {
            var before = (string?)wanted[p]["id"];
            var found = live.FindIndex(c => c is YMap m && m.Get("id") as string == before);
            if (found >= 0) { insertAt = found + 1; break; }
        }
        doc.Transact(_ => cells.Insert(insertAt, NotebookModel.NewCell(cellJson)));
    }

    /// <summary>The version's cells with an id each (versions are read as nbformat 4.5, which gives every cell one).</summary>
    private static List<JsonObject> TargetCells(JsonObject target) =>
        (target["cells"] as JsonArray ?? []).OfType<JsonObject>().Where(c => c["id"] is JsonValue).ToList();

    /// <summary>Deletes the cells at these ascending indexes, from the last, one transaction for all.</summary>
    private static void DeleteAt(Doc doc, YArray cells, List<int> indexes)
    {
        if (indexes.Count == 0) return;
        doc.Transact(_ =>
        {
            for (var k = indexes.Count - 1; k >= 0; k--) cells.Delete(indexes[k]);
        });
    }

    /// <summary>
    /// The ids of a longest common subsequence of two lists of distinct ids: the longest increasing
    /// run of positions (O(n log n), so a notebook of Notebooks:MaxCells cells costs little).
    /// </summary>
    internal static HashSet<string> LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var position = new Dictionary<string, int>();
        for (var j = 0; j < b.Count; j++) position.TryAdd(b[j], j);
        var items = a.Where(position.ContainsKey).ToList();
        var tails = new List<int>(); // index into items of the smallest tail of each run length
        var previous = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var p = position[items[i]];
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (position[items[tails[mid]]] < p) lo = mid + 1; else hi = mid;
            }
            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count) tails.Add(i); else tails[lo] = i;
        }
        var result = new HashSet<string>();
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k]) result.Add(items[k]);
        return result;
    }
}
