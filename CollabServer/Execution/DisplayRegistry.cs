using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;

namespace Collab.Server.Execution;

/// <summary>
/// Outputs shown with a display id (<c>display(..., display_id=True)</c>), so that
/// <c>update_display_data</c> can rewrite them later, in whichever cell they are. Used only
/// inside the room's changes (<see cref="NotebookWriter"/>), one at a time.
/// </summary>
public sealed class DisplayRegistry
{
    private const int MaxIds = 10_000;
    private readonly Dictionary<string, List<YMap>> _shown = new();

    public void Add(string displayId, YMap output)
    {
        if (!_shown.TryGetValue(displayId, out var list))
        {
            if (_shown.Count >= MaxIds) _shown.Clear();
            _shown[displayId] = list = [];
        }
        list.Add(output);
    }

    /// <summary>The outputs with this id still in <paramref name="doc"/> (cleared or deleted ones are forgotten).</summary>
    public IReadOnlyList<YMap> Live(string displayId, Doc doc)
    {
        if (!_shown.TryGetValue(displayId, out var list)) return [];
        list.RemoveAll(o => o.Doc != doc || !NotebookModel.IsLive(o));
        return list;
    }

    public void Clear() => _shown.Clear();
}
