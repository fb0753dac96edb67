using System.Text.Json.Nodes;
using Collab.Crdt.Jupyter;

namespace Collab.Crdt.Tests.Interop;

/// <summary>
/// The JupyterLab notebook model against the real <c>@jupyter/ydoc</c> YNotebook: what either
/// side writes, the other reads as the same notebook JSON (<c>YNotebook.toJSON()</c> against
/// <see cref="NotebookModel.ToJson"/>).
/// </summary>
[Trait("Needs", "Node")]
[Collection(YjsPeerCollection.Name)]
public class NotebookInteropTests(YjsPeer yjs)
{
    private const int Seeds = 40;

    private static readonly JsonObject SampleIpynb = JsonNode.Parse("""
        {
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}, "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5,
          "cells": [
            {"id": "a1", "cell_type": "markdown", "source": ["# Title\n", "Some *text* é😀"], "metadata": {}},
            {"id": "b2", "cell_type": "code", "source": "print('hi')\n1 + 1", "metadata": {"tags": ["x"], "collapsed": false}, "execution_count": 3,
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["hi\n"]},
                         {"output_type": "execute_result", "execution_count": 3, "data": {"text/plain": "2"}, "metadata": {}}]},
            {"id": "c3", "cell_type": "raw", "source": "raw text", "metadata": {}},
            {"id": "d4", "cell_type": "code", "source": "", "metadata": {}, "execution_count": null, "outputs": []}
          ]
        }
        """)!.AsObject();

    [Fact]
    public void A_notebook_loaded_in_csharp_reads_the_same_in_YNotebook()
    {
        Reset();
        var doc = new Doc(new DocOptions { ClientId = 7 });
        NotebookModel.Load(doc, SampleIpynb);
        yjs.Call(new JsonObject { ["c"] = "notebook", ["n"] = "nb", ["id"] = 8, ["u"] = YjsPeer.Base64(doc.EncodeStateAsUpdate()) });
        AssertSameNotebook(doc, "after NotebookModel.Load");
        Assert.Equal("hi\n", (string?)NotebookModel.ToJson(doc)["cells"]![1]!["outputs"]![0]!["text"]);
    }

    [Fact]
    public void A_notebook_built_in_YNotebook_decodes_in_csharp_to_the_same_json()
    {
        Reset();
        yjs.Call(new JsonObject { ["c"] = "notebook", ["n"] = "nb", ["id"] = 1 });
        var edits = new JsonArray(
            new JsonObject { ["o"] = "updateNotebookMetadata", ["metadata"] = SampleIpynb["metadata"]!.DeepClone() });
        foreach (var cell in SampleIpynb["cells"]!.AsArray())
        {
            var json = cell!.DeepClone().AsObject();
            if (json["source"] is JsonArray lines) json["source"] = string.Concat(lines.Select(l => (string?)l));
            edits.Add(new JsonObject { ["o"] = "addCell", ["cell"] = json });
        }
        var doc = new Doc(new DocOptions { ClientId = 2 });
        doc.ApplyUpdate(YjsPeer.Bytes(yjs.Call(new JsonObject { ["c"] = "notebookEdit", ["n"] = "nb", ["edits"] = edits })));
        AssertSameNotebook(doc, "after building the notebook in YNotebook");
        Assert.Equal(4, NotebookModel.ToJson(doc)["cells"]!.AsArray().Count);
        Assert.Equal(YjsPeer.Bytes(yjs.Call(new JsonObject { ["c"] = "notebookEncode", ["n"] = "nb" })), doc.EncodeStateAsUpdate());
    }

    /// <summary>
    /// Seeded rounds in which YNotebook (cells added, moved, deleted; sources edited; outputs,
    /// execution counts and metadata set) and raw Crdt edits from C# change the notebook, now
    /// one side, now both at once, exchanging updates after each round.
    /// </summary>
    [Fact]
    public void Notebook_edits_from_YNotebook_and_from_csharp_agree()
    {
        for (int seed = 1; seed <= Seeds; seed++)
        {
            Reset();
            var rnd = new Random(seed);
            int jsIds = 0, csIds = 0;
            var doc = new Doc(new DocOptions { ClientId = (ulong)(1000 + seed) });
            yjs.Call(new JsonObject { ["c"] = "notebook", ["n"] = "nb", ["id"] = 5000 + seed });
            if (rnd.Next(2) == 0) NotebookModel.Load(doc, SampleIpynb);
            else
            {
                var cell = NotebookEdits.NewCellJson(rnd, "js" + jsIds++);
                var update = yjs.Call(new JsonObject { ["c"] = "notebookEdit", ["n"] = "nb", ["edits"] = new JsonArray(new JsonObject { ["o"] = "addCell", ["i"] = 0, ["cell"] = cell }) });
                doc.ApplyUpdate(YjsPeer.Bytes(update));
            }
            SendToYjs(doc, doc.EncodeStateAsUpdate());
            for (int round = 0; round < 12; round++)
            {
                int who = rnd.Next(3);
                byte[]? fromYjs = null;
                var csUpdates = new List<byte[]>();
                var state = NotebookModel.ToJson(doc);
                if (who != 1)
                {
                    var edit = NotebookEdits.NextYNotebookEdit(rnd, state, ref jsIds);
                    var result = Call(seed, new JsonObject { ["c"] = "notebookEdit", ["n"] = "nb", ["edits"] = new JsonArray(edit) });
                    if (result is not null) fromYjs = YjsPeer.Bytes(result);
                }
                if (who != 0)
                {
                    void Collect(object? _, UpdateEventArgs e) => csUpdates.Add(e.Update);
                    doc.UpdateV1 += Collect;
                    NotebookEdits.CrdtEdit(rnd, doc, ref csIds);
                    doc.UpdateV1 -= Collect;
                }
                if (fromYjs is not null) doc.ApplyUpdate(fromYjs);
                foreach (var u in csUpdates) SendToYjs(doc, u);
                AssertSameNotebook(doc, $"seed {seed}, round {round}");
            }
        }
    }

    private void SendToYjs(Doc doc, byte[] update) =>
        yjs.Call(new JsonObject { ["c"] = "notebookApply", ["n"] = "nb", ["u"] = YjsPeer.Base64(update) });

    private JsonNode? Call(int seed, JsonObject command)
    {
        try
        {
            return yjs.Call(command);
        }
        catch (YjsPeerException e)
        {
            throw new InteropFailure($"seed {seed}: {e.Message}");
        }
    }

    private void AssertSameNotebook(Doc doc, string when)
    {
        var expected = WireValues.Canonical(yjs.Call(new JsonObject { ["c"] = "notebookJson", ["n"] = "nb" }));
        var actual = WireValues.Canonical(NotebookModel.ToJson(doc));
        Assert.True(expected == actual, $"{when}: YNotebook.toJSON() and NotebookModel.ToJson differ.\n  yjs {expected}\n  C#  {actual}");
    }

    private void Reset() => yjs.Call(new JsonObject { ["c"] = "reset" });
}
