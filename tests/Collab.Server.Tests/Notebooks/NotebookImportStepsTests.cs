using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;
using Collab.Server.Limits;
using Collab.Server.Notebooks;

namespace Collab.Server.Tests.Notebooks;

/// <summary>An import reaches the room as steps no larger than a client's update, and they add up to a plain load.</summary>
public sealed class NotebookImportStepsTests
{
    [Fact]
    public void Steps_fit_the_update_bound_and_end_where_a_single_load_ends()
    {
        var existing = new Doc();
        NotebookModel.Load(existing, Notebook(50, "old"));
        var state = existing.EncodeStateAsUpdate();
        var imported = Notebook(3000, "new cell with some source text");

        var steps = NotebookImportSteps.Build(state, imported, maxUpdateBytes: 16384);

        Assert.True(steps.Count > 10);
        Assert.All(steps, s => Assert.True(s.Length <= 16384, $"a step of {s.Length} bytes"));
        var replayed = new Doc();
        replayed.ApplyUpdate(state);
        foreach (var step in steps) replayed.ApplyUpdate(step);
        var expected = new Doc();
        expected.ApplyUpdate(state);
        NotebookModel.Load(expected, imported);
        Assert.True(JsonNode.DeepEquals(NotebookModel.ToJson(expected), NotebookModel.ToJson(replayed)));
    }

    [Fact]
    public void A_cell_larger_than_the_update_bound_is_refused_by_name()
    {
        var error = Assert.Throws<LimitExceededException>(() =>
            NotebookImportSteps.Build(new Doc().EncodeStateAsUpdate(), Notebook(1, new string('x', 20_000)), maxUpdateBytes: 16384));
        Assert.Contains("Limits:MaxMessageBytes", error.Message);
    }

    private static JsonObject Notebook(int cells, string source)
    {
        var list = new JsonArray();
        for (var i = 0; i < cells; i++)
            list.Add(new JsonObject { ["id"] = $"c{i}", ["cell_type"] = "markdown", ["source"] = $"{source} {i}", ["metadata"] = new JsonObject() });
        return new JsonObject { ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(), ["cells"] = list };
    }
}
