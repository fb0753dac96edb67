using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Limits;

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

    public static List<byte[]> Build(byte[] currentState, JsonObject ipynb, int maxUpdateBytes)
    {
        var doc = new Doc();
        // The room's typed roots, declared before its state arrives (as the room does).
        doc.GetMap("meta");
        doc.GetArray("cells");
        doc.GetMap("state");
        doc.ApplyUpdate(currentState);
        var updates = new List<byte[]>();
        doc.UpdateV1 += (_, e) => updates.Add(e.Update);
        NotebookModel.Load(doc, ipynb, Groups(ipynb, maxUpdateBytes / JsonShareOfBound));
        return Pack(updates, maxUpdateBytes);
    }

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

    /// <summary>
    /// Merges consecutive updates of one client into as few as fit <paramref name="maxBytes"/> each
    /// (a restore builds its steps the same way). Throws <see cref="LimitExceededException"/> when one alone is over.
    /// </summary>
    public static List<byte[]> Pack(List<byte[]> updates, int maxBytes)
    {
        var steps = new List<byte[]>();
        var pending = new List<byte[]>();
        long pendingBytes = 0;
        foreach (var update in updates)
        {
            if (update.Length > maxBytes)
                throw new LimitExceededException($"A part of the notebook (a cell, or its metadata) is over Limits:MaxMessageBytes ({maxBytes} bytes).");
            if (pendingBytes + update.Length > maxBytes) Flush();
            pending.Add(update);
            pendingBytes += update.Length;
        }
        Flush();
        return steps;

        void Flush()
        {
            if (pending.Count == 0) return;
            // A merge of one client's consecutive updates is never larger than their sum.
            steps.Add(pending.Count == 1 ? pending[0] : Updates.Merge(pending));
            pending.Clear();
            pendingBytes = 0;
        }
    }
}
