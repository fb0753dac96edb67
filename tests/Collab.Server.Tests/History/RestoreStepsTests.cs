using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.History;
using Collab.Server.Tests.Support;
using static Collab.Server.Tests.History.HistoryNotebooks;

namespace Collab.Server.Tests.History;

/// <summary>
/// Restore steps on documents directly: they turn the live notebook into the version with the
/// smallest edits (a kept cell keeps its identity), and merged with a peer's concurrent edits
/// both survive; the diff reports moves out of the shared order.
/// </summary>
public sealed class RestoreStepsTests
{
    [Fact]
    public void A_whole_restore_matches_the_version_and_a_concurrent_edit_in_a_kept_cell_survives()
    {
        var live = Load(Ipynb(("a", "alpha beta gamma"), ("x", "extra"), ("c", "charlie")));
        var version = Ipynb(("a", "alpha gamma"), ("b", "bravo"), ("c", "charlie"));
        var steps = RestoreSteps.Whole(live.EncodeStateAsUpdate(), version, 1 << 20);

        // A peer, from the same state, types at the start of cell a meanwhile.
        var peer = NotebookEdits.NewNotebookDoc();
        peer.ApplyUpdate(live.EncodeStateAsUpdate());
        var typed = Capture(peer, () => NotebookEdits.Source(peer, 0).Insert(0, "NEW "));

        foreach (var step in steps) live.ApplyUpdate(step);
        live.ApplyUpdate(typed);

        Assert.Equal([("a", "NEW alpha gamma"), ("b", "bravo"), ("c", "charlie")], Cells(NotebookModel.ToNbformat(live)));
    }

    [Fact]
    public void A_cell_restore_inserts_a_deleted_cell_after_its_old_neighbour()
    {
        var live = Load(Ipynb(("a", "1"), ("c", "3")));
        var steps = RestoreSteps.Cell(live.EncodeStateAsUpdate(), Ipynb(("a", "one"), ("b", "2"), ("c", "3")), "b", 1 << 20);
        foreach (var step in steps) live.ApplyUpdate(step);
        Assert.Equal([("a", "1"), ("b", "2"), ("c", "3")], Cells(NotebookModel.ToNbformat(live)));
    }

    [Fact]
    public void The_diff_names_moves_changes_additions_and_removals_by_cell_id()
    {
        var diff = NotebookDiff.Between(Ipynb(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")), Ipynb(("b", "2"), ("c", "three"), ("a", "1"), ("e", "5")));
        var byId = diff.Cells.ToDictionary(c => c.CellId);
        Assert.Equal(CellChange.Moved, byId["a"].Change);
        Assert.Equal(CellChange.Changed, byId["c"].Change);
        Assert.False(byId["c"].Moved);
        Assert.Contains("-3\n+three", byId["c"].SourceDiff);
        Assert.Equal(CellChange.Removed, byId["d"].Change);
        Assert.Equal(CellChange.Added, byId["e"].Change);
        Assert.False(byId.ContainsKey("b"));
    }

    private static Doc Load(JsonObject ipynb)
    {
        var doc = NotebookEdits.NewNotebookDoc();
        NotebookModel.Load(doc, ipynb);
        return doc;
    }

    private static byte[] Capture(Doc doc, Action edit)
    {
        byte[]? update = null;
        doc.UpdateV1 += (_, e) => update = e.Update;
        doc.Transact(_ => edit());
        return update!;
    }
}
