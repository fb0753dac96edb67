using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Collab.Crdt.Encoding;
using Collab.Crdt.Types;

namespace Collab.Crdt.Jupyter;

/// <summary>
/// The JupyterLab shared notebook model (<c>@jupyter/ydoc</c> <c>YNotebook</c>; 3.5, the one
/// JupyterLab 4.5 ships, and 4.x lay notebooks out alike) over a
/// <see cref="Doc"/>: root map <c>meta</c> (<c>nbformat</c>, <c>nbformat_minor</c>, nested map
/// <c>metadata</c>), root array <c>cells</c> of cell maps (<c>id</c>, <c>cell_type</c>, text
/// <c>source</c>, map <c>metadata</c>, code cells' array <c>outputs</c> of output maps whose
/// stream <c>text</c> is a text), and root map <c>state</c>. JupyterLab reads what this writes.
/// </summary>
public static partial class NotebookModel
{
    /// <summary>
    /// What <c>YNotebook.toJSON()</c> returns, key for key and in the same order: notebook
    /// <c>metadata, nbformat_minor, nbformat, cells</c>; cells <c>id, cell_type, source, metadata</c>
    /// then <c>outputs, execution_count</c> (code) or <c>attachments</c> (markdown, raw). Cell ids
    /// are dropped for nbformat 4.0-4.4; <c>execution_state</c> is never exported; a falsy
    /// execution count reads as null; keys whose value is absent are left out.
    /// </summary>
    public static JsonObject ToJson(Doc doc) => ToJson(doc, skipped: null);

    /// <summary>
    /// <see cref="ToJson(Doc)"/>, except that a cell it can't read (not a map, or of an unknown
    /// type) is left out and described in <paramref name="skipped"/> instead of failing the whole
    /// notebook; when <paramref name="skipped"/> is null such a cell throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static JsonObject ToJson(Doc doc, ICollection<string>? skipped)
    {
        var meta = doc.GetMap("meta");
        var nbformat = meta.Get("nbformat");
        var minor = meta.Get("nbformat_minor");
        var pruneCellId = IsNumber(nbformat, 4) && JsNumber.TryGet(minor ?? Undefined.Value, out var m) && m <= 4;
        var result = new JsonObject();
        AddDefined(result, "metadata", meta.Get("metadata") switch
        {
            YMap map => map.ToJson(),
            null or Undefined => null,
            var other => JsonValues.ToNode(other),
        }, defined: meta.Get("metadata") is not (null or Undefined));
        AddDefined(result, "nbformat_minor", JsonValues.ToNode(minor), minor is not (null or Undefined));
        AddDefined(result, "nbformat", JsonValues.ToNode(nbformat), nbformat is not (null or Undefined));
        var cells = new JsonArray();
        var index = -1;
        foreach (var item in doc.GetArray("cells").ToArray())
        {
            index++;
            var problem = item is not YMap cell ? "is not a map"
                : cell.Get("cell_type") is not ("code" or "markdown" or "raw") ? "has no known cell_type" : null;
            if (problem is not null)
            {
                if (skipped is null) throw new InvalidDataException($"Cell {index} {problem}.");
                skipped.Add($"cell {index} {problem}");
                continue;
            }
            var json = CellToJson((YMap)item!);
            if (pruneCellId) json.Remove("id");
            cells.Add(json);
        }
        result["cells"] = cells;
        return result;
    }

    /// <summary>
    /// A valid nbformat 4.5 notebook: <see cref="ToJson(Doc)"/> with the format raised to 4.5 when
    /// lower, a valid id on every cell (a fresh one where missing or malformed) and the fields
    /// nbformat requires filled in where the shared model lacks them.
    /// </summary>
    public static JsonObject ToNbformat(Doc doc) => ToNbformat(doc, new List<string>());

    /// <summary><see cref="ToNbformat(Doc)"/>, listing the cells it had to leave out in <paramref name="skipped"/>.</summary>
    public static JsonObject ToNbformat(Doc doc, ICollection<string> skipped)
    {
        var json = ToJson(doc, skipped);
        if (json["metadata"] is not JsonObject) json["metadata"] = new JsonObject();
        if (!IsNode(json["nbformat_minor"], out var minor) || minor < 5 || !IsNode(json["nbformat"], out var major) || major != 4)
        {
            json["nbformat_minor"] = 5L;
            json["nbformat"] = 4L;
        }
        var seen = new HashSet<string>();
        foreach (var cell in json["cells"]!.AsArray().OfType<JsonObject>())
        {
            var id = cell["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (id is null || !CellIdPattern().IsMatch(id) || !seen.Add(id))
            {
                id = NewCellId();
                seen.Add(id);
                cell["id"] = id;
            }
            if (cell["metadata"] is not JsonObject) cell["metadata"] = new JsonObject();
            if (cell["source"] is null) cell["source"] = "";
            if ((string?)cell["cell_type"] == "code")
            {
                if (cell["outputs"] is not JsonArray) cell["outputs"] = new JsonArray();
                if (!cell.ContainsKey("execution_count")) cell["execution_count"] = null;
            }
            else if (cell.ContainsKey("attachments") && cell["attachments"] is not JsonObject)
            {
                cell.Remove("attachments");
            }
        }
        return json;
    }

    /// <summary>
    /// Replaces the notebook in <paramref name="doc"/> with <paramref name="ipynb"/>, as
    /// <c>YNotebook.setSource</c> does: sets <c>nbformat</c> and <c>nbformat_minor</c>, writes the
    /// metadata (minus <c>orig_nbformat</c>) into the nested map, appends the new cells after the
    /// old ones and deletes the old ones, all in one transaction, and leaves <c>state.dirty</c> false.
    /// Cell ids are kept for nbformat ≥ 4.5 and dropped below (a fresh uuid is used then).
    /// </summary>
    public static void Load(Doc doc, JsonObject ipynb) => Load(doc, ipynb, null);

    /// <summary>
    /// <see cref="Load(Doc, JsonObject)"/> in several transactions, so a large notebook can reach
    /// other peers as several bounded updates: the new cells are appended after the old ones, as
    /// many per transaction as <paramref name="cellsPerTransaction"/> says in turn (they add up to
    /// the number of cells), then one last transaction sets the format and metadata, deletes the old
    /// cells and clears <c>state.dirty</c>. Until that one, a reader sees the old cells followed by
    /// part of the new ones. Null means everything in one transaction.
    /// </summary>
    public static void Load(Doc doc, JsonObject ipynb, IReadOnlyList<int>? cellsPerTransaction)
    {
        var nbformat = ipynb["nbformat"] is null ? 4L : ToValue(ipynb["nbformat"]);
        var minor = ipynb["nbformat_minor"] is null ? 5L : ToValue(ipynb["nbformat_minor"]);
        var metadata = ipynb["metadata"] as JsonObject ?? new JsonObject();
        var cellsJson = ipynb["cells"] as JsonArray ?? throw new InvalidDataException("The notebook has no 'cells' array.");
        var useId = IsNumber(nbformat, 4) && JsNumber.TryGet(minor ?? Undefined.Value, out var m) && m >= 5;
        var newCells = cellsJson.Select(c => (object?)CreateCell(
            c as JsonObject ?? throw new InvalidDataException("Every cell must be a JSON object."), useId)).ToArray();

        var cells = doc.GetArray("cells");
        var oldCount = cells.Length;
        var inSteps = cellsPerTransaction is not null;
        if (inSteps && (cellsPerTransaction!.Any(n => n < 1) || cellsPerTransaction!.Sum() != newCells.Length))
            throw new ArgumentException("The transaction sizes must be positive and add up to the number of cells.", nameof(cellsPerTransaction));
        var start = 0;
        foreach (var count in cellsPerTransaction ?? [])
        {
            var batch = newCells[start..(start + count)];
            var at = oldCount + start;
            doc.Transact(_ => cells.Insert(at, batch));
            start += count;
        }
        doc.Transact(_ =>
        {
            var meta = doc.GetMap("meta");
            meta.Set("nbformat", nbformat);
            meta.Set("nbformat_minor", minor);
            var entries = metadata.Where(p => p.Key != "orig_nbformat").ToList();
            if (meta.Get("metadata") is YMap existing)
            {
                var wanted = new JsonObject(entries.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                if (!JsonNode.DeepEquals(existing.ToJson(), wanted))
                {
                    foreach (var key in existing.Keys.ToList()) existing.Delete(key);
                    foreach (var (key, value) in entries) existing.Set(key, ToValue(value));
                }
            }
            else
            {
                var ymetadata = new YMap();
                foreach (var (key, value) in entries) ymetadata.Set(key, ToValue(value));
                meta.Set("metadata", ymetadata);
            }
            if (!inSteps && newCells.Length > 0) cells.Insert(oldCount, newCells);
            if (oldCount > 0) cells.Delete(0, oldCount);
            var state = doc.GetMap("state");
            if (state.Get("dirty") is not false) state.Set("dirty", false);
        });
    }

    /// <summary>A cell map built the way <c>createCell</c> in <c>ycell.js</c> builds one.</summary>
    private static YMap CreateCell(JsonObject cell, bool useId)
    {
        var cellType = (string?)cell["cell_type"] ?? throw new InvalidDataException("A cell has no 'cell_type'.");
        if (cellType is not ("code" or "markdown" or "raw")) throw new InvalidDataException($"Unknown cell type '{cellType}'.");
        var source = cell["source"] switch
        {
            null => "",
            JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
            var s => (string?)s ?? "",
        };
        var id = useId && cell["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var given) ? given : NewCellId();

        var ymodel = new YMap();
        ymodel.Set("source", new YText(source));
        var ymetadata = new YMap();
        ymodel.Set("metadata", ymetadata);
        ymodel.Set("cell_type", cellType);
        ymodel.Set("id", id);
        switch (cellType)
        {
            case "code":
                var youtputs = new YArray();
                ymodel.Set("outputs", youtputs);
                ymodel.Set("execution_count", cell["execution_count"] is null ? null : ToValue(cell["execution_count"]));
                if (cell["outputs"] is JsonArray outputs) youtputs.Insert(0, outputs.Select(o => (object?)CreateOutput(o)).ToArray());
                break;
            case "markdown":
                if (cell["attachments"] is not null) ymodel.Set("attachments", ToValue(cell["attachments"]));
                break;
            default:
                if (cell["attachments"] is JsonObject) ymodel.Set("attachments", ToValue(cell["attachments"]));
                break;
        }
        if (cell["metadata"] is JsonObject metadata)
        {
            var clone = metadata.DeepClone().AsObject();
            // setMetadata keeps the legacy 'collapsed' flag and jupyter.outputs_hidden in step.
            if (clone["collapsed"] is not null)
            {
                if (clone["jupyter"] is not JsonObject jupyter) clone["jupyter"] = jupyter = new JsonObject();
                jupyter["outputs_hidden"] = clone["collapsed"]!.DeepClone();
            }
            else if (clone["jupyter"] is JsonObject { } j && j["outputs_hidden"] is not null)
            {
                clone["collapsed"] = j["outputs_hidden"]!.DeepClone();
            }
            foreach (var (key, value) in clone) ymetadata.Set(key, ToValue(value));
        }
        return ymodel;
    }

    /// <summary>
    /// An output map (<c>createOutputs</c>): nbformat fields as values, stream text as a text,
    /// moved to the last key. A list of stream lines is joined with "" as nbformat means (and as
    /// the Python <c>jupyter_ydoc</c> does), not with JavaScript's default comma.
    /// </summary>
    private static YMap CreateOutput(JsonNode? output)
    {
        var obj = output as JsonObject ?? throw new InvalidDataException("Every output must be a JSON object.");
        var youtput = new YMap();
        var isStream = (string?)obj["output_type"] == "stream";
        foreach (var (key, value) in obj)
        {
            if (isStream && key == "text") continue;
            youtput.Set(key, ToValue(value));
        }
        if (isStream)
        {
            var text = obj["text"] switch
            {
                JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
                null => "",
                var s => (string?)s ?? "",
            };
            youtput.Set("text", new YText(text));
        }
        return youtput;
    }

    private static JsonObject CellToJson(YMap cell)
    {
        var cellType = cell.Get("cell_type") as string;
        if (cellType is not ("code" or "markdown" or "raw")) throw new InvalidDataException("Found unknown cell type");
        var json = new JsonObject();
        var id = cell.Get("id");
        AddDefined(json, "id", JsonValues.ToNode(id), id is not (null or Undefined));
        json["cell_type"] = cellType;
        json["source"] = cell.Get("source") switch
        {
            YText text => text.ToString(),
            string s => s,
            var other => JsonValues.ToNode(other),
        };
        var metadata = cell.Get("metadata");
        AddDefined(json, "metadata", metadata is YMap map ? map.ToJson() : JsonValues.ToNode(metadata), metadata is not (null or Undefined));
        if (cellType == "code")
        {
            json["outputs"] = cell.Get("outputs") switch
            {
                YArray outputs => outputs.ToJson(),
                _ => new JsonArray(),
            };
            var count = cell.Get("execution_count");
            json["execution_count"] = IsFalsy(count) ? null : JsonValues.ToNode(count);
        }
        else
        {
            var attachments = cell.Get("attachments");
            AddDefined(json, "attachments", attachments is AbstractType t ? t.ToJson() : JsonValues.ToNode(attachments),
                attachments is not (null or Undefined));
        }
        return json;
    }

    /// <summary>JSON to the JSON-like values a Doc stores (integral numbers as long, others as double).</summary>
    private static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => ToValue(p.Value)),
        JsonArray arr => arr.Select(ToValue).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ToNumber(value.ToJsonString()),
            _ => null,
        },
        _ => null,
    };

    /// <summary>Integral JSON numbers become long (Any integers), the rest double, as in JavaScript.</summary>
    private static object ToNumber(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l)
            ? l
            : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static void AddDefined(JsonObject obj, string key, JsonNode? value, bool defined)
    {
        if (defined) obj[key] = value;
    }

    private static bool IsNumber(object? value, double expected) =>
        value is not null && JsNumber.TryGet(value, out var d) && d == expected;

    private static bool IsNode(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return false;
        value = Convert.ToDouble(ToNumber(v.ToJsonString()), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>JavaScript truthiness, for <c>ymodel.get('execution_count') || null</c>.</summary>
    private static bool IsFalsy(object? value) => value switch
    {
        null or Undefined => true,
        bool b => !b,
        string s => s.Length == 0,
        _ when JsNumber.TryGet(value, out var d) => d == 0 || double.IsNaN(d),
        _ => false,
    };

    private static string NewCellId() => Guid.NewGuid().ToString();

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellIdPattern();
}
