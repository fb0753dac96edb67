using System.Text.Json;
using System.Text.Json.Nodes;
using Collab.Server.Limits;

namespace Collab.Server.Notebooks;

/// <summary>Checks an .ipynb against <see cref="NotebookOptions"/> before any of the shared model is built.</summary>
public static class NotebookParts
{
    /// <summary>Throws <see cref="LimitExceededException"/> naming the setting the notebook is over.</summary>
    public static void Check(JsonObject ipynb, NotebookOptions options)
    {
        if (ipynb["cells"] is not JsonArray cells) return; // the model refuses it with a clearer message
        if (cells.Count > options.MaxCells)
            throw new LimitExceededException($"The notebook has {cells.Count} cells, over Notebooks:MaxCells ({options.MaxCells}).");
        long parts = Keys(ipynb["metadata"]);
        foreach (var cell in cells.Select(c => c as JsonObject))
        {
            parts += 1 + Keys(cell?["metadata"]);
            if (cell?["outputs"] is JsonArray outputs)
                foreach (var output in outputs) parts += 1 + Keys(output);
            if (parts > options.MaxParts)
                throw new LimitExceededException($"The notebook has more than Notebooks:MaxParts ({options.MaxParts}) cells, outputs and metadata keys.");
        }
    }

    /// <summary>
    /// The cell count of a notebook still in bytes, checked without building it: a JSON tree costs
    /// several times its text, and a refused notebook should cost no more than its body.
    /// </summary>
    public static void CheckCells(ReadOnlySpan<byte> utf8Json, NotebookOptions options)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCells = reader.ValueTextEquals("cells"u8);
                reader.Read();
                if (!isCells || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                var count = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (++count > options.MaxCells)
                        throw new LimitExceededException($"The notebook has more than Notebooks:MaxCells ({options.MaxCells}) cells.");
                    reader.Skip();
                }
                return;
            }
        }
        catch (JsonException) { } // malformed: the parser that follows says where
    }

    private static int Keys(JsonNode? node) => node is JsonObject obj ? obj.Count : 0;
}
