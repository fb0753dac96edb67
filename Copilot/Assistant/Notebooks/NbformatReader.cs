using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Collab.Copilot.Assistant.Notebooks;

/// <summary>Turns nbformat 4 JSON (what the server exports from a live notebook) into a <see cref="NotebookSnapshot"/>.</summary>
public static partial class NbformatReader
{
    /// <summary>Reads <paramref name="notebook"/>; cells without an id get their index as id.</summary>
    public static NotebookSnapshot Read(string name, JsonObject notebook)
    {
        var cells = new List<NotebookCellSnapshot>();
        if (notebook["cells"] is JsonArray array)
        {
            foreach (var node in array.OfType<JsonObject>())
            {
                var outputs = new List<string>();
                var hasError = false;
                if (node["outputs"] is JsonArray outs)
                {
                    foreach (var output in outs.OfType<JsonObject>())
                    {
                        var type = (string?)output["output_type"];
                        if (type == "error") hasError = true;
                        var text = type switch
                        {
                            "stream" => Text(output["text"]),
                            "error" => $"{(string?)output["ename"]}: {(string?)output["evalue"]}\n{Traceback(output["traceback"])}",
                            _ => Text((output["data"] as JsonObject)?["text/plain"]),
                        };
                        if (text.Length > 0) outputs.Add(text);
                    }
                }
                cells.Add(new NotebookCellSnapshot((string?)node["id"] ?? cells.Count.ToString(), (string?)node["cell_type"] ?? "code",
                    Text(node["source"]), outputs, hasError));
            }
        }
        return new NotebookSnapshot(name, cells);
    }

    /// <summary>Traceback lines carry no line ends and are coloured with ANSI escapes, which mean nothing to a reader.</summary>
    private static string Traceback(JsonNode? node) =>
        node is JsonArray lines ? Ansi().Replace(string.Join('\n', lines.Select(l => (string?)l)), "") : "";

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    /// <summary>nbformat multiline strings are a string or an array of lines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value when value.TryGetValue(out string? s) => s ?? "",
        _ => "",
    };
}
