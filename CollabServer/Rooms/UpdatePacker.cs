using Collab.Crdt;
using Collab.Server.Limits;

namespace Collab.Server.Rooms;

/// <summary>
/// Turns many small updates into as few as a room accepts in one go (<c>Limits:MaxMessageBytes</c>),
/// for work that rewrites a document away from the room: a notebook import, a version restore.
/// </summary>
public static class UpdatePacker
{
    /// <summary>
    /// Merges consecutive updates of one client into as few as fit <paramref name="maxBytes"/> each
    /// (an import and a restore build their steps this way). Throws <see cref="LimitExceededException"/> when one alone is over.
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

    /// <summary>
    /// The updates <paramref name="edit"/> makes on a copy of a notebook's <paramref name="currentState"/>,
    /// packed as <see cref="Pack"/> does: an import or a restore built away from the room.
    /// </summary>
    public static List<byte[]> Edit(byte[] currentState, int maxBytes, Action<Doc> edit)
    {
        var doc = NotebookRoots.Declare(new Doc());
        doc.ApplyUpdate(currentState);
        var updates = new List<byte[]>();
        doc.UpdateV1 += (_, e) => updates.Add(e.Update);
        edit(doc);
        return Pack(updates, maxBytes);
    }
}
