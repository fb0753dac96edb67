namespace Collab.Crdt.Tests.Fuzzing;

/// <summary>Inputs the fuzz tests found, kept as plain regression tests.</summary>
public class FuzzFindingsTests
{
    private static Doc NewDoc() => new(new DocOptions { ClientId = 7 });

    private static void AssertReloads(Doc doc) => NewDoc().ApplyUpdate(doc.EncodeStateAsUpdate());

    [Fact]
    public void A_parent_that_is_not_a_shared_type_makes_the_item_a_gc_struct()
    {
        var doc = NewDoc();
        doc.ApplyUpdate(Convert.FromHexString("0101010004010174036162630000")); // 1: text "abc" in root "t"
        // Client 2 puts "x" under parent 1:0, a string item: yjs keeps it as a GC struct.
        doc.ApplyUpdate(Convert.FromHexString("010102000400010001780000"));
        Assert.Equal("abc", doc.GetText("t").ToString());
        Assert.Equal("0202010103", Convert.ToHexString(doc.EncodeStateVector()));
        AssertReloads(doc);
    }

    [Fact]
    public void An_update_that_disagrees_about_known_clocks_does_not_corrupt_the_doc()
    {
        // Pending structs of client 2 from clock 6 (an array value), then an update that says
        // client 2's clocks 0-6 are a text holding a string: the pending item's overlap must
        // not link an "arr" item into the text's list.
        var doc = NewDoc();
        doc.ApplyUpdate(Convert.FromHexString("020E0206080103617272027D01770374776F880207027C406000007E880209017883020A02010288020B017601016B75027D01770176C8020B020C057D01770374776F7C406000007E78C30211020C020102C80212020C017601016B75027D0177017684020507EFBFBDEFBFBD78C40216030302C3A92801036D6170026B31017703763237C4020303020468656C6CC4021C0302026F20C5021C021D117B22696D616765223A22782E706E67227D0A0112C40204020502626FC401130205026C64C60113011404626F6C64046E756C6CC501160114117B22696D616765223A22782E706E67227DC60117011404626F6C640474727565C40203020404626F6C64870108020400011D066E657374656487011D0204000124066E65737465640303010101020300020303080201020A030E04"));
        doc.ApplyUpdate(Convert.FromHexString("010202000701036172720204000200066E65737465E100"));
        AssertReloads(doc);
    }

    [Fact]
    public void A_map_key_holding_a_format_mark_reads_as_missing()
    {
        var doc = NewDoc();
        doc.ApplyUpdate(Convert.FromHexString("010101002601036D6170016B0162047472756500"));
        var map = doc.GetMap("map");
        Assert.Null(map.Get("k"));
        Assert.Equal("{\"k\":null}", map.ToJson()!.ToJsonString());
    }

    [Fact]
    public void NaN_in_an_array_becomes_null_in_json()
    {
        var doc = NewDoc();
        doc.ApplyUpdate(Convert.FromHexString("01010100080103617272" + "01" + "7B7FF8000000000000" + "00"));
        Assert.Equal("[null]", doc.GetArray("arr").ToJson()!.ToJsonString());
    }

    [Fact]
    public void A_root_first_seen_in_an_update_shows_its_content()
    {
        var source = new Doc(new DocOptions { ClientId = 1 });
        source.GetMap("map").Set("k", 42L);
        source.GetArray("arr").Push("x");
        var doc = NewDoc();
        doc.ApplyUpdate(source.EncodeStateAsUpdate());
        Assert.Equal("{\"k\":42}", doc.GetMap("map").ToJson()!.ToJsonString());
        Assert.Equal(["x"], doc.GetArray("arr").ToArray());
    }
}
