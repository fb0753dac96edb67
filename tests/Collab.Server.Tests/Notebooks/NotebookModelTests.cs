using System.Text.Json.Nodes;
using Collab.Crdt;
using Collab.Crdt.Jupyter;

namespace Collab.Server.Tests.Notebooks;

public class NotebookModelTests
{
    private static JsonObject Sample() => (JsonObject)JsonNode.Parse("""
        {"cells":[
          {"id":"a1","cell_type":"markdown","metadata":{},"source":["# Title\n","text"]},
          {"id":"b2","cell_type":"code","execution_count":3,"metadata":{"collapsed":true},"outputs":[
             {"output_type":"stream","name":"stdout","text":["line 1\n","line 2\n"]},
             {"output_type":"execute_result","execution_count":3,"data":{"text/plain":"42"},"metadata":{}}],
           "source":"print(42)"},
          {"id":"c3","cell_type":"raw","metadata":{},"source":""}],
         "metadata":{"kernelspec":{"name":"python3","display_name":"Python 3"},"orig_nbformat":3},
         "nbformat":4,"nbformat_minor":5}
        """)!.AsObject();

    [Fact]
    public void Load_then_ToJson_gives_the_notebook_back_in_ydoc_key_order()
    {
        var doc = new Doc();
        NotebookModel.Load(doc, Sample());
        var json = NotebookModel.ToJson(doc);
        Assert.Equal(["metadata", "nbformat_minor", "nbformat", "cells"], json.Select(p => p.Key));
        var cells = json["cells"]!.AsArray();
        Assert.Equal(3, cells.Count);
        Assert.Equal("# Title\ntext", (string?)cells[0]!["source"]);
        Assert.Equal(["id", "cell_type", "source", "metadata", "outputs", "execution_count"], cells[1]!.AsObject().Select(p => p.Key));
        Assert.Equal("line 1\nline 2\n", (string?)cells[1]!["outputs"]![0]!["text"]);
        Assert.True((bool)cells[1]!["metadata"]!["jupyter"]!["outputs_hidden"]!);
        Assert.Equal(3, (long)cells[1]!["execution_count"]!);
        Assert.Null(json["metadata"]!["orig_nbformat"]);
        Assert.Equal("b2", (string?)cells[1]!["id"]);
    }

    [Fact]
    public void A_loaded_notebook_survives_an_update_round_trip()
    {
        var doc = new Doc();
        NotebookModel.Load(doc, Sample());
        var copy = Support.NotebookEdits.NewNotebookDoc();
        copy.ApplyUpdate(doc.EncodeStateAsUpdate());
        Assert.Equal(NotebookModel.ToJson(doc).ToJsonString(), NotebookModel.ToJson(copy).ToJsonString());
    }

    [Fact]
    public void Load_replaces_existing_cells_and_survives_an_update_round_trip()
    {
        var doc = new Doc();
        NotebookModel.Load(doc, Sample());
        var replacement = Sample();
        replacement["cells"]!.AsArray().RemoveAt(0);
        NotebookModel.Load(doc, replacement);
        var copy = Support.NotebookEdits.NewNotebookDoc();
        copy.ApplyUpdate(doc.EncodeStateAsUpdate());
        Assert.Equal(2, NotebookModel.ToJson(copy)["cells"]!.AsArray().Count);
        Assert.True(JsonNode.DeepEquals(NotebookModel.ToJson(doc), NotebookModel.ToJson(copy)));
    }

    [Fact]
    public void ToNbformat_upgrades_old_minor_versions_and_gives_every_cell_an_id()
    {
        var old = Sample();
        old["nbformat_minor"] = 4;
        var doc = new Doc();
        NotebookModel.Load(doc, old);
        Assert.Null(NotebookModel.ToJson(doc)["cells"]![0]!["id"]);
        var exported = NotebookModel.ToNbformat(doc);
        Assert.Equal(5, (long)exported["nbformat_minor"]!);
        Assert.All(exported["cells"]!.AsArray(), c => Assert.Matches("^[a-zA-Z0-9-_]{1,64}$", (string)c!["id"]!));
    }
}
