using Collab.Crdt;

namespace Collab.Crdt.Tests.Encoding;

/// <summary>Byte vectors produced by yjs 13.6.33 (see shared/reference/yjs-wire-format.md).</summary>
public class YjsByteVectorTests
{
    private static string Hex(byte[] b) => Convert.ToHexString(b).ToLowerInvariant();
    private static Doc NewDoc() => new(new DocOptions { ClientId = 1 });

    [Fact]
    public void Text_insert_encodes_like_yjs()
    {
        var doc = NewDoc();
        doc.GetText("t").Insert(0, "abc");
        Assert.Equal("010101000401017403616263" + "00", Hex(doc.EncodeStateAsUpdate()));
        Assert.Equal("010103", Hex(doc.EncodeStateVector()));
    }

    [Fact]
    public void Text_delete_turns_the_middle_item_into_deleted_content()
    {
        var doc = NewDoc();
        var t = doc.GetText("t");
        t.Insert(0, "abc");
        t.Delete(1, 1);
        Assert.Equal("01030100" + "040101740161" + "81010001" + "8401010163" + "0101010101", Hex(doc.EncodeStateAsUpdate()));
    }

    [Fact]
    public void Diff_against_a_state_vector_matches_yjs()
    {
        var doc = NewDoc();
        var t = doc.GetText("t");
        t.Insert(0, "abc");
        var sv = doc.EncodeStateVector();
        t.Insert(3, "d");
        t.Delete(0, 1);
        Assert.Equal("0101010384010201640101010001", Hex(doc.EncodeStateAsUpdate(sv)));
    }

    [Fact]
    public void Empty_doc()
    {
        var doc = NewDoc();
        Assert.Equal("0000", Hex(doc.EncodeStateAsUpdate()));
        Assert.Equal("00", Hex(doc.EncodeStateVector()));
    }

    [Fact]
    public void Map_values_and_nested_types_encode_like_yjs()
    {
        var doc = NewDoc();
        var m = doc.GetMap("m");
        m.Set("k", 42);
        Assert.Contains("280101 6d016b017d2a".Replace(" ", ""), Hex(doc.EncodeStateAsUpdate()));
        var doc2 = NewDoc();
        var arr = new Collab.Crdt.Types.YArray();
        doc2.GetMap("m").Set("arr", arr);
        Assert.Contains("270101 6d03617272 00".Replace(" ", ""), Hex(doc2.EncodeStateAsUpdate()));
        arr.Push("x");
        Assert.Contains("0800010001770178", Hex(doc2.EncodeStateAsUpdate())); // parent written as an ID
    }

    [Fact]
    public void Round_trip_through_a_second_doc()
    {
        var doc = NewDoc();
        var t = doc.GetText("t");
        t.Insert(0, "hello world");
        t.Format(0, 5, new Dictionary<string, object?> { ["bold"] = true });
        t.Delete(5, 1);
        var m = doc.GetMap("m");
        m.Set("a", new Dictionary<string, object?> { ["b"] = 1.5, ["1"] = "x" });
        var remote = new Doc(new DocOptions { ClientId = 2 });
        remote.ApplyUpdate(doc.EncodeStateAsUpdate());
        Assert.Equal("helloworld", remote.GetText("t").ToString());
        Assert.Equal(Hex(doc.EncodeStateAsUpdate()), Hex(remote.EncodeStateAsUpdate()));
    }
}
