using Collab.Crdt.Jupyter;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Limits;

/// <summary>
/// A client can nest shared types as deep as it likes; the document must not. Deep chains are
/// refused before they touch the document, and parts that arrive out of order are cut at the
/// limit while integrating, so every walk over the tree stays bounded.
/// </summary>
public class NestingDepthTests
{
    /// <summary>An update nesting maps <paramref name="depth"/> deep under root map "m", built by a document without the limit.</summary>
    internal static (Doc Attacker, byte[] Update) DeepChain(int depth, ulong clientId = 99)
    {
        var attacker = new Doc(new DocOptions { ClientId = clientId, MaxNestingDepth = int.MaxValue });
        attacker.Transact(_ =>
        {
            var map = attacker.GetMap("m");
            for (int i = 0; i < depth; i++)
            {
                var child = new YMap();
                map.Set("c", child);
                map = child;
            }
        });
        return (attacker, attacker.EncodeStateAsUpdate());
    }

    private static int DeepestType(Doc doc)
    {
        int deepest = 0;
        foreach (var structs in doc.Store.Clients.Values)
            foreach (var s in structs)
                if (s is Blocks.Item { Deleted: false, Content: Content.ContentType ct }) deepest = Math.Max(deepest, ct.Type.Depth);
        return deepest;
    }

    [Fact]
    public void A_chain_deeper_than_the_limit_is_refused_and_the_doc_is_unchanged()
    {
        var doc = new Doc(new DocOptions { MaxNestingDepth = 64 });
        doc.GetMap("m").Set("keep", "me");
        var before = doc.EncodeStateAsUpdate();
        var (_, update) = DeepChain(20_000);

        var ex = Assert.Throws<CrdtFormatException>(() => doc.ApplyUpdate(update));
        Assert.Contains("at most 64", ex.Message);
        Assert.Equal(before, doc.EncodeStateAsUpdate());
        Assert.Equal("{\"keep\":\"me\"}", doc.GetMap("m").ToJson()!.ToJsonString());
    }

    [Fact]
    public void A_chain_at_the_limit_is_accepted_and_reads_back()
    {
        var doc = new Doc(new DocOptions { MaxNestingDepth = 64 });
        doc.ApplyUpdate(DeepChain(64).Update);
        Assert.Equal(64, DeepestType(doc));
        Assert.NotNull(doc.GetMap("m").ToJson());
    }

    [Fact]
    public void A_chain_that_waits_for_its_parent_is_cut_at_the_limit_when_the_parent_arrives()
    {
        // The tail arrives first (its parent unknown, so it is parked), then the head: together
        // they would be 100 deep, each alone passes the check before integration.
        var (attacker, _) = DeepChain(100);
        var (_, head) = DeepChain(50);
        var tail = attacker.EncodeStateAsUpdate(Updates.EncodeStateVectorFromUpdate(head));

        var doc = new Doc(new DocOptions { MaxNestingDepth = 64 });
        doc.ApplyUpdate(tail);
        doc.ApplyUpdate(head);

        Assert.Equal(64, DeepestType(doc));
        Assert.NotNull(doc.GetMap("m").ToJson());
    }

    [Fact]
    public void A_stored_document_deeper_than_the_limit_loads_cut_at_the_limit_and_can_be_deleted()
    {
        var (_, update) = DeepChain(5_000);
        var doc = new Doc(new DocOptions { MaxNestingDepth = 64 });
        doc.ApplyStoredUpdate(update);
        Assert.Equal(64, DeepestType(doc));

        doc.GetMap("m").Delete("c");
        Assert.Equal("{}", doc.GetMap("m").ToJson()!.ToJsonString());
        var reloaded = new Doc();
        reloaded.ApplyUpdate(doc.EncodeStateAsUpdate());
        Assert.Equal("{}", reloaded.GetMap("m").ToJson()!.ToJsonString());
    }

    [Fact]
    public void Export_skips_cells_it_cannot_read_instead_of_failing()
    {
        var doc = new Doc();
        NotebookModel.Load(doc, System.Text.Json.Nodes.JsonNode.Parse("""
            {"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[{"id":"a","cell_type":"markdown","source":"hi","metadata":{}}]}
            """)!.AsObject());
        doc.GetArray("cells").Push("not a cell", new YMap());

        Assert.Throws<InvalidDataException>(() => NotebookModel.ToJson(doc));
        var skipped = new List<string>();
        var exported = NotebookModel.ToNbformat(doc, skipped);
        Assert.Single(exported["cells"]!.AsArray());
        Assert.Equal(["cell 1 is not a map", "cell 2 has no known cell_type"], skipped);
    }
}
