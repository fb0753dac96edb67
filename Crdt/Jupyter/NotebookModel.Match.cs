using System.Text.Json.Nodes;
using Collab.Crdt.Types;

namespace Collab.Crdt.Jupyter;

/// <summary>
/// Edits that bring parts of a live notebook to a given nbformat content with the smallest change
/// each (a restore): a cell's source is edited only between the common prefix and suffix, so
/// concurrent edits elsewhere in it survive; other fields are written only when they differ.
/// </summary>
public static partial class NotebookModel
{
    /// <summary>A new cell map for an nbformat 4.5 cell, keeping its id (as a 4.5 import does).</summary>
    public static YMap NewCell(JsonObject cell) => CreateCell(cell, useId: true);

    /// <summary>The cell as nbformat JSON (as <see cref="ToJson(Doc)"/> writes each cell).</summary>
    public static JsonObject CellJson(YMap cell) => CellToJson(cell);

    /// <summary>
    /// Makes <paramref name="cell"/> (of the same cell type) read as <paramref name="target"/>:
    /// source, metadata, outputs, execution count and attachments, each only where it differs.
    /// </summary>
    public static void MatchCell(YMap cell, JsonObject target)
    {
        var source = target["source"] switch
        {
            null => "",
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            var s => (string?)s ?? "",
        };
        if (cell.Get("source") is YText text) MatchText(text, source);
        else cell.Set("source", new YText(source));

        var current = CellToJson(cell);
        var metadata = target["metadata"] as JsonObject ?? new JsonObject();
        if (!JsonNode.DeepEquals(current["metadata"], metadata))
        {
            if (cell.Get("metadata") is YMap ymetadata)
            {
                foreach (var key in ymetadata.Keys.Where(k => !metadata.ContainsKey(k)).ToList()) ymetadata.Delete(key);
                foreach (var (key, value) in metadata)
                {
                    if (!JsonNode.DeepEquals((current["metadata"] as JsonObject)?[key], value)) ymetadata.Set(key, ToValue(value));
                }
            }
            else
            {
                var fresh = new YMap();
                cell.Set("metadata", fresh);
                foreach (var (key, value) in metadata) fresh.Set(key, ToValue(value));
            }
        }
        if ((string?)target["cell_type"] == "code")
        {
            var outputs = target["outputs"] as JsonArray ?? new JsonArray();
            if (!JsonNode.DeepEquals(current["outputs"], outputs))
            {
                if (cell.Get("outputs") is not YArray youtputs) cell.Set("outputs", youtputs = new YArray());
                if (youtputs.Length > 0) youtputs.Delete(0, youtputs.Length);
                if (outputs.Count > 0) youtputs.Insert(0, outputs.Select(o => (object?)CreateOutput(o)).ToArray());
            }
            var count = target["execution_count"];
            if (!JsonNode.DeepEquals(current["execution_count"], count)) cell.Set("execution_count", count is null ? null : ToValue(count));
        }
        else if (!JsonNode.DeepEquals(current["attachments"], target["attachments"]))
        {
            if (target["attachments"] is null) cell.Delete("attachments");
            else cell.Set("attachments", ToValue(target["attachments"]));
        }
    }

    /// <summary>Sets the notebook's format and metadata to those of <paramref name="target"/> where they differ.</summary>
    public static void MatchNotebookMetadata(Doc doc, JsonObject target)
    {
        var meta = doc.GetMap("meta");
        var nbformat = target["nbformat"] is null ? 4L : ToValue(target["nbformat"]);
        var minor = target["nbformat_minor"] is null ? 5L : ToValue(target["nbformat_minor"]);
        if (!Equals(meta.Get("nbformat"), nbformat)) meta.Set("nbformat", nbformat);
        if (!Equals(meta.Get("nbformat_minor"), minor)) meta.Set("nbformat_minor", minor);
        var wanted = target["metadata"] as JsonObject ?? new JsonObject();
        if (meta.Get("metadata") is YMap existing)
        {
            var current = (JsonObject)existing.ToJson()!;
            if (JsonNode.DeepEquals(current, wanted)) return;
            foreach (var key in existing.Keys.Where(k => !wanted.ContainsKey(k)).ToList()) existing.Delete(key);
            foreach (var (key, value) in wanted)
            {
                if (!JsonNode.DeepEquals(current[key], value)) existing.Set(key, ToValue(value));
            }
        }
        else
        {
            var ymetadata = new YMap();
            meta.Set("metadata", ymetadata);
            foreach (var (key, value) in wanted) ymetadata.Set(key, ToValue(value));
        }
    }

    /// <summary>Replaces only what lies between the common prefix and suffix of the two texts.</summary>
    private static void MatchText(YText text, string target)
    {
        var current = text.ToString();
        if (current == target) return;
        var prefix = 0;
        var max = Math.Min(current.Length, target.Length);
        while (prefix < max && current[prefix] == target[prefix]) prefix++;
        var suffix = 0;
        while (suffix < max - prefix && current[current.Length - 1 - suffix] == target[target.Length - 1 - suffix]) suffix++;
        // Never cut a surrogate pair in two.
        if (prefix > 0 && char.IsHighSurrogate(current[prefix - 1])) prefix--;
        if (suffix > 0 && char.IsLowSurrogate(current[current.Length - suffix])) suffix--;
        var removed = current.Length - prefix - suffix;
        if (removed > 0) text.Delete(prefix, removed);
        var inserted = target.Substring(prefix, target.Length - prefix - suffix);
        if (inserted.Length > 0) text.Insert(prefix, inserted);
    }
}
