using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;
using Collab.Server.Rooms;

namespace Collab.Server.Notebooks;

/// <summary>
/// Builds an import away from the room: the notebook is loaded into a copy of the document a few
/// cells per transaction, and the resulting updates are merged into as few as fit
/// <c>Limits:MaxMessageBytes</c>, the bound every client update has. The room then spends on each
/// no more than on one client's update.
/// </summary>
public static class NotebookImportSteps
{
    // Merging costs more than linearly in the number of updates, so cells go in groups; a group's
    // JSON stays far enough under the bound that its update (JSON plus per-key overhead) fits it.
    private const int MaxCellsPerTransaction = 64;
    private const int JsonShareOfBound = 4;

    public static List<byte[]> Build(byte[] currentState, JsonObject ipynb, int maxUpdateBytes) =>
        UpdatePacker.Edit(currentState, maxUpdateBytes, doc => NotebookModel.Load(doc, ipynb, Groups(ipynb, maxUpdateBytes / JsonShareOfBound)));

    private static List<int> Groups(JsonObject ipynb, long maxJsonBytes)
    {
        var groups = new List<int>();
        var (count, bytes) = (0, 0L);
        foreach (var cell in ipynb["cells"] as JsonArray ?? [])
        {
            var size = cell?.ToJsonString().Length ?? 0;
            if (count > 0 && (count == MaxCellsPerTransaction || bytes + size > maxJsonBytes))
            {
                groups.Add(count);
                (count, bytes) = (0, 0);
            }
            count++;
            bytes += size;
        }
        if (count > 0) groups.Add(count);
        return groups;
    }
}
