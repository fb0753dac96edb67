using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Notebooks;

/// <summary>What a kernel run writes into a cell: streams coalesce and behave like a terminal.</summary>
public sealed class NotebookExecutionTests
{
    private static (Doc Doc, YMap Cell) CodeCell()
    {
        var doc = new Doc();
        NotebookModel.Load(doc, new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 5, ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(new JsonObject
            {
                ["id"] = "a", ["cell_type"] = "code", ["source"] = "", ["metadata"] = new JsonObject(),
                ["outputs"] = new JsonArray(), ["execution_count"] = null,
            }),
        });
        return (doc, NotebookModel.FindCell(doc, "a")!);
    }

    private static JsonArray Outputs(Doc doc) => NotebookModel.ToJson(doc)["cells"]![0]!["outputs"]!.AsArray();

    private static void Stream(Doc doc, YMap cell, string name, string text) => doc.Transact(_ => NotebookModel.AppendStream(cell, name, text));

    [Fact]
    public void Consecutive_stream_output_of_one_name_grows_one_output()
    {
        var (doc, cell) = CodeCell();
        Stream(doc, cell, "stdout", "a\n");
        Stream(doc, cell, "stdout", "b\n");
        Stream(doc, cell, "stderr", "e\n");
        Stream(doc, cell, "stdout", "c\n");

        var outputs = Outputs(doc);
        Assert.Equal(3, outputs.Count);
        Assert.Equal("a\nb\n", (string?)outputs[0]!["text"]);
        Assert.Equal("e\n", (string?)outputs[1]!["text"]);
    }

    [Fact]
    public void Carriage_returns_rewrite_the_line_even_across_pieces()
    {
        var (doc, cell) = CodeCell();
        Stream(doc, cell, "stdout", "start\n10%\r");
        Stream(doc, cell, "stdout", "50%\r");
        Stream(doc, cell, "stdout", "100%\ndone\r\n");

        Assert.Equal("start\n100%\ndone\n", (string?)Outputs(doc)[0]!["text"]);
    }

    [Fact]
    public void Backspace_erases_the_character_before_it()
    {
        var (doc, cell) = CodeCell();
        Stream(doc, cell, "stdout", "abc\b\bX\n");

        Assert.Equal("aX\n", (string?)Outputs(doc)[0]!["text"]);
    }

    [Fact]
    public void A_display_is_replaced_in_place_and_forgotten_once_cleared()
    {
        var (doc, cell) = CodeCell();
        YMap? shown = null;
        doc.Transact(_ => shown = NotebookModel.AppendOutput(cell, new JsonObject
        {
            ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/plain"] = "1" }, ["metadata"] = new JsonObject(),
        }));
        doc.Transact(_ => NotebookModel.ReplaceDisplayData(shown!, new JsonObject { ["text/plain"] = "2" }, null));
        Assert.Equal("2", (string?)Outputs(doc)[0]!["data"]!["text/plain"]);
        Assert.True(NotebookModel.IsLive(shown!));

        doc.Transact(_ => NotebookModel.ClearOutputs(cell));

        Assert.Empty(Outputs(doc));
        Assert.False(NotebookModel.IsLive(shown!));
    }

    [Fact]
    public void Execution_state_and_count_are_written_as_jupyterlab_reads_them()
    {
        var (doc, cell) = CodeCell();
        doc.Transact(_ =>
        {
            NotebookModel.SetExecutionState(cell, "running");
            NotebookModel.SetExecutionCount(cell, 7);
        });

        Assert.Equal("running", cell.Get("execution_state"));
        Assert.Equal(7L, NotebookModel.ToJson(doc)["cells"]![0]!["execution_count"]!.GetValue<long>());
        Assert.Null(NotebookModel.ToJson(doc)["cells"]![0]!["execution_state"]);
    }
}
