using System.Text;
using System.Text.Json.Nodes;
using Collab.Crdt.Types;

namespace Collab.Crdt.Jupyter;

/// <summary>
/// What a kernel run writes into a shared notebook, in the layout JupyterLab reads: a cell's
/// <c>execution_state</c>, <c>execution_count</c> and <c>outputs</c>, with consecutive stream
/// output of one name coalesced into one output whose <c>text</c> grows (as JupyterLab's output
/// area does). Call these inside a transaction.
/// </summary>
public static partial class NotebookModel
{
    /// <summary>A cell's id, type and current source, in notebook order.</summary>
    /// <param name="Id">The cell's <c>id</c>.</param>
    /// <param name="CellType"><c>code</c>, <c>markdown</c> or <c>raw</c>.</param>
    /// <param name="Source">The cell's source text.</param>
    public readonly record struct CellSummary(string Id, string CellType, string Source);

    /// <summary>The cells that can be read, top to bottom.</summary>
    public static IReadOnlyList<CellSummary> Cells(Doc doc)
    {
        var list = new List<CellSummary>();
        foreach (var item in doc.GetArray("cells").ToArray())
        {
            if (item is not YMap cell || cell.Get("id") is not string id || cell.Get("cell_type") is not string type) continue;
            var source = cell.Get("source") switch { YText t => t.ToString(), string s => s, _ => "" };
            list.Add(new CellSummary(id, type, source));
        }
        return list;
    }

    /// <summary>The cell map with this id, or null when no live cell has it.</summary>
    public static YMap? FindCell(Doc doc, string cellId)
    {
        foreach (var item in doc.GetArray("cells").ToArray())
            if (item is YMap cell && cell.Get("id") as string == cellId) return cell;
        return null;
    }

    /// <summary>True while <paramref name="type"/> and every parent up to the root are not deleted.</summary>
    public static bool IsLive(AbstractType type)
    {
        for (var t = type; t is not null; t = t.Parent)
            if (t.Item is { Deleted: true }) return false;
        return true;
    }

    /// <summary>Sets the cell's <c>execution_state</c> (e.g. <c>running</c>, <c>idle</c>), writing nothing when it already has that value.</summary>
    public static void SetExecutionState(YMap cell, string state)
    {
        if (cell.Get("execution_state") as string != state) cell.Set("execution_state", state);
    }

    /// <summary>Sets the cell's <c>execution_count</c> (null while unexecuted), writing nothing when unchanged.</summary>
    public static void SetExecutionCount(YMap cell, long? count)
    {
        var current = cell.Get("execution_count");
        if (count is null ? current is not null : !(current is long l && l == count)) cell.Set("execution_count", count);
    }

    /// <summary>Deletes all of the cell's outputs, as a new run does before it writes any.</summary>
    public static void ClearOutputs(YMap cell)
    {
        if (cell.Get("outputs") is YArray outputs && outputs.Length > 0) outputs.Delete(0, outputs.Length);
    }

    /// <summary>Appends an nbformat output (not a stream; see <see cref="AppendStream"/>) and returns its map.</summary>
    public static YMap? AppendOutput(YMap cell, JsonObject output)
    {
        if (Outputs(cell) is not { } outputs) return null;
        var youtput = CreateOutput(output);
        outputs.Push(youtput);
        return youtput;
    }

    /// <summary>
    /// Appends stream text: onto the last output when it is a stream of the same name, else as a new
    /// stream output. A carriage return that is not part of "\r\n" rewrites its line and a backspace
    /// removes the character before it, as a terminal (and JupyterLab) shows them.
    /// </summary>
    public static void AppendStream(YMap cell, string name, string text)
    {
        if (Outputs(cell) is not { } outputs || text.Length == 0) return;
        if (outputs.Length > 0 && outputs.Get(outputs.Length - 1) is YMap last
            && last.Get("output_type") as string == "stream" && last.Get("name") as string == name && last.Get("text") is YText existing)
        {
            if (NeedsTerminalFold(text) || EndsWithBareReturn(existing))
            {
                var folded = FoldTerminal(existing.ToString() + text);
                var keep = CommonPrefix(existing.ToString(), folded);
                if (keep < existing.Length) existing.Delete(keep, existing.Length - keep);
                if (folded.Length > keep) existing.Insert(keep, folded[keep..]);
            }
            else
            {
                existing.Insert(existing.Length, text);
            }
            return;
        }
        var stream = new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = FoldTerminal(text) };
        outputs.Push(CreateOutput(stream));
    }

    /// <summary>Replaces an output's <c>data</c> and <c>metadata</c> (<c>update_display_data</c>).</summary>
    public static void ReplaceDisplayData(YMap output, JsonNode? data, JsonNode? metadata)
    {
        output.Set("data", ToValue(data ?? new JsonObject()));
        output.Set("metadata", ToValue(metadata ?? new JsonObject()));
    }

    /// <summary>Sets a notebook-wide value in root map <paramref name="rootMap"/> when it differs from the one held.</summary>
    public static void SetRootValue(Doc doc, string rootMap, string key, JsonNode? value)
    {
        var map = doc.GetMap(rootMap);
        var wanted = ToValue(value);
        if (map.ContainsKey(key) && JsonNode.DeepEquals(JsonValues.ToNode(map.Get(key)), JsonValues.ToNode(wanted))) return;
        map.Set(key, wanted);
    }

    /// <summary>The notebook's <c>metadata.kernelspec.name</c>, or null.</summary>
    public static string? KernelName(Doc doc) =>
        doc.GetMap("meta").Get("metadata") is YMap metadata && JsonValues.ToNode(metadata.Get("kernelspec")) is JsonObject spec
            ? (string?)spec["name"]
            : null;

    /// <summary>Sets one key of the notebook's metadata (e.g. <c>kernelspec</c>).</summary>
    public static void SetNotebookMetadata(Doc doc, string key, JsonNode? value)
    {
        var meta = doc.GetMap("meta");
        if (meta.Get("metadata") is not YMap metadata)
        {
            metadata = new YMap();
            meta.Set("metadata", metadata);
        }
        metadata.Set(key, ToValue(value));
    }

    private static YArray? Outputs(YMap cell)
    {
        if (cell.Get("cell_type") as string != "code") return null;
        if (cell.Get("outputs") is YArray outputs) return outputs;
        var created = new YArray();
        cell.Set("outputs", created);
        return created;
    }

    private static bool NeedsTerminalFold(string text) =>
        text.Contains('\b') || text.Replace("\r\n", "\n").Contains('\r');

    /// <summary>Applies bare carriage returns (rewrite the line) and backspaces (erase one character).</summary>
    private static string FoldTerminal(string text)
    {
        if (!NeedsTerminalFold(text)) return text;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // Text after the last carriage return wins, except that a line ending in "\r" keeps what
            // it shows until something is written after it.
            var trimmed = line.TrimEnd('\r');
            var lastReturn = trimmed.LastIndexOf('\r');
            if (lastReturn >= 0) trimmed = trimmed[(lastReturn + 1)..];
            var erased = new StringBuilder(trimmed.Length);
            foreach (var c in trimmed)
            {
                if (c == '\b') { if (erased.Length > 0) erased.Length--; }
                else erased.Append(c);
            }
            result.Append(erased);
            if (i < lines.Length - 1) result.Append('\n');
        }
        // Kept so that the next piece of output, which may arrive separately, rewrites this line.
        if (lines[^1].EndsWith('\r')) result.Append('\r');
        return result.ToString();
    }

    private static bool EndsWithBareReturn(YText text) => text.Length > 0 && text.ToString()[^1] == '\r';

    private static int CommonPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i]) i++;
        return i;
    }
}
