using System.Text.Json.Nodes;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// Random notebook edits for both sides of <see cref="NotebookInteropTests"/>: as
/// <c>@jupyter/ydoc</c> YNotebook calls (run by yjs-peer.mjs's <c>notebookEdit</c>), and as raw
/// Crdt edits of the <c>cells</c>/<c>meta</c> roots laid out the way YNotebook lays them out.
/// </summary>
public static class NotebookEdits
{
    private static readonly string[] Snippets = ["import numpy as np\n", "print('hi')", "# Title\n", "x = 1", "é😀", "\n"];

    /// <summary>A YNotebook edit valid for <paramref name="notebook"/> (the notebook's current JSON).</summary>
    public static JsonObject NextYNotebookEdit(Random rnd, JsonObject notebook, ref int ids)
    {
        var cells = notebook["cells"]!.AsArray();
        int count = cells.Count;
        int roll = count == 0 ? 0 : rnd.Next(100);
        if (roll < 20) return new JsonObject { ["o"] = "addCell", ["i"] = rnd.Next(count + 1), ["cell"] = NewCellJson(rnd, "js" + ids++) };
        int i = rnd.Next(count);
        var cell = cells[i]!.AsObject();
        var source = (string)cell["source"]!;
        bool code = (string?)cell["cell_type"] == "code";
        if (roll < 30) return new JsonObject { ["o"] = "deleteCell", ["i"] = i };
        if (roll < 40) return new JsonObject { ["o"] = "moveCell", ["from"] = i, ["to"] = rnd.Next(count) };
        if (roll < 65)
        {
            int start = rnd.Next(source.Length + 1);
            int end = start + rnd.Next(Math.Min(source.Length - start, 5) + 1);
            return new JsonObject { ["o"] = "editSource", ["i"] = i, ["start"] = start, ["end"] = end, ["text"] = Snippets[rnd.Next(Snippets.Length)] };
        }
        if (code && roll < 75) return new JsonObject { ["o"] = "setOutputs", ["i"] = i, ["outputs"] = Outputs(rnd) };
        if (code && roll < 82)
        {
            var outputs = cell["outputs"]!.AsArray();
            int stream = outputs.ToList().FindIndex(o => (string?)o!["output_type"] == "stream");
            if (stream >= 0) return new JsonObject { ["o"] = "appendStream", ["i"] = i, ["index"] = stream, ["text"] = "more\n" };
        }
        if (code && roll < 88) return new JsonObject { ["o"] = "setExecutionCount", ["i"] = i, ["n"] = rnd.Next(1, 50) };
        if (roll < 94) return new JsonObject { ["o"] = "setCellMetadata", ["i"] = i, ["metadata"] = new JsonObject { ["tags"] = new JsonArray("t" + rnd.Next(3)), ["trusted"] = rnd.Next(2) == 0 } };
        return new JsonObject { ["o"] = "updateNotebookMetadata", ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "python3", ["display_name"] = "Python " + rnd.Next(3) } } };
    }

    public static JsonObject NewCellJson(Random rnd, string id)
    {
        var type = new[] { "code", "markdown", "raw" }[rnd.Next(3)];
        var cell = new JsonObject { ["id"] = id, ["cell_type"] = type, ["source"] = Snippets[rnd.Next(Snippets.Length)], ["metadata"] = new JsonObject() };
        if (type == "code")
        {
            cell["outputs"] = Outputs(rnd);
            cell["execution_count"] = rnd.Next(2) == 0 ? null : rnd.Next(1, 9);
        }
        return cell;
    }

    private static JsonArray Outputs(Random rnd)
    {
        var outputs = new JsonArray();
        if (rnd.Next(2) == 0) outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = "line " + rnd.Next(9) + "\n" });
        if (rnd.Next(2) == 0)
            outputs.Add(new JsonObject
            {
                ["output_type"] = "execute_result",
                ["execution_count"] = rnd.Next(1, 9),
                ["data"] = new JsonObject { ["text/plain"] = "42" },
                ["metadata"] = new JsonObject(),
            });
        return outputs;
    }

    /// <summary>Makes one random edit on the notebook in <paramref name="doc"/> with the raw Crdt API.</summary>
    public static void CrdtEdit(Random rnd, Doc doc, ref int ids)
    {
        var cells = doc.GetArray("cells");
        int count = cells.Length;
        int roll = count == 0 ? 0 : rnd.Next(100);
        if (roll < 20)
        {
            cells.Insert(rnd.Next(count + 1), NewCell(NewCellJson(rnd, "cs" + ids++)));
            return;
        }
        int i = rnd.Next(count);
        var cell = (YMap)cells.Get(i)!;
        var source = (YText)cell.Get("source")!;
        bool code = (string?)cell.Get("cell_type") == "code";
        if (roll < 30) cells.Delete(i);
        else if (roll < 40)
        {
            // As YNotebook.moveCells does it: delete, then insert a copy.
            var copy = NewCell(CellJson(doc, i));
            int to = rnd.Next(count);
            doc.Transact(_ =>
            {
                cells.Delete(i);
                cells.Insert(to, copy);
            });
        }
        else if (roll < 55) source.Insert(rnd.Next(source.Length + 1), Snippets[rnd.Next(Snippets.Length)]);
        else if (roll < 65 && source.Length > 0)
        {
            int start = rnd.Next(source.Length);
            source.Delete(start, 1 + rnd.Next(Math.Min(source.Length - start, 4)));
        }
        else if (code && roll < 75) ((YArray)cell.Get("outputs")!).Push(NewOutput((JsonObject)Outputs(rnd).FirstOrDefault()! ?? StreamOutput()));
        else if (code && roll < 82 && ((YArray)cell.Get("outputs")!).ToArray().OfType<YMap>().FirstOrDefault(o => o.Get("text") is YText) is { } stream)
        {
            var text = (YText)stream.Get("text")!;
            text.Insert(text.Length, "from C#\n");
        }
        else if (code && roll < 88) cell.Set("execution_count", (long)rnd.Next(1, 50));
        else if (roll < 94) ((YMap)cell.Get("metadata")!).Set("tags", new List<object?> { "c" + rnd.Next(3) });
        else
        {
            var meta = doc.GetMap("meta");
            if (meta.Get("metadata") is not YMap metadata) meta.Set("metadata", metadata = new YMap());
            metadata.Set("language_info", new Dictionary<string, object?> { ["name"] = "python", ["version"] = "3." + rnd.Next(14) });
        }
    }

    private static JsonObject StreamOutput() => new() { ["output_type"] = "stream", ["name"] = "stderr", ["text"] = "warning\n" };

    private static JsonObject CellJson(Doc doc, int index) =>
        Jupyter.NotebookModel.ToJson(doc)["cells"]![index]!.DeepClone().AsObject();

    /// <summary>A cell map with the keys and shared types YNotebook's <c>createCell</c> gives it.</summary>
    public static YMap NewCell(JsonObject json)
    {
        var type = (string)json["cell_type"]!;
        var cell = new YMap();
        cell.Set("source", new YText((string)json["source"]!));
        var metadata = new YMap();
        foreach (var (k, v) in json["metadata"]!.AsObject()) metadata.Set(k, WireValues.ToValue(v));
        cell.Set("metadata", metadata);
        cell.Set("cell_type", type);
        cell.Set("id", (string)json["id"]!);
        if (type == "code")
        {
            var outputs = new YArray();
            foreach (var o in json["outputs"]!.AsArray()) outputs.Push(NewOutput(o!.AsObject()));
            cell.Set("outputs", outputs);
            cell.Set("execution_count", WireValues.ToValue(json["execution_count"]));
        }
        return cell;
    }

    /// <summary>An output map as YNotebook's <c>createOutputs</c> makes it: a stream's text is a text, set last.</summary>
    private static YMap NewOutput(JsonObject json)
    {
        var output = new YMap();
        bool stream = (string?)json["output_type"] == "stream";
        foreach (var (k, v) in json)
            if (!(stream && k == "text")) output.Set(k, WireValues.ToValue(v));
        if (stream) output.Set("text", new YText((string)json["text"]!));
        return output;
    }
}
