using Collab.Crdt.Blocks;
using Collab.Crdt.Content;
using Collab.Crdt.Encoding;

namespace Collab.Crdt.Tests.Encoding;

/// <summary>
/// ASCII text kept as bytes and Any values kept as they were encoded read, split, merge and
/// encode exactly as the strings and values they stand for.
/// </summary>
public class CompactContentTests
{
    private static readonly string Output = string.Concat(Enumerable.Repeat("row\tvalue\n", 60));

    [Theory]
    [InlineData("plain ascii source\n")]
    [InlineData("naïve café ✓")]
    [InlineData("emoji 😀 pair")]
    public void Text_splits_merges_and_encodes_the_same_as_a_string(string text)
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var t = doc.GetText("t");
        t.Insert(0, text);
        t.Insert(5, "ab");     // splits the first item
        t.Insert(t.Length, "z"); // merges on cleanup where it can
        t.Delete(2, 1);
        var expected = (text[..5] + "ab" + text[5..] + "z").Remove(2, 1);

        var update = doc.EncodeStateAsUpdate();
        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(update);

        Assert.Equal(expected, t.ToString());
        Assert.Equal(expected, loaded.GetText("t").ToString());
        Assert.Equal(update, loaded.EncodeStateAsUpdate());
    }

    [Fact]
    public void A_surrogate_pair_cut_in_half_becomes_two_replacement_characters()
    {
        var left = new ContentString("a😀b");

        var right = (ContentString)left.Splice(2);

        Assert.Equal("a\uFFFD", left.Str);
        Assert.Equal("\uFFFDb", right.Str);
        Assert.Equal(2, right.Length);
    }

    [Fact]
    public void Ascii_and_other_text_merge_into_one_string()
    {
        var left = new ContentString("abc");

        Assert.True(left.MergeWith(new ContentString("é")));

        Assert.Equal("abcé", left.Str);
        Assert.Equal(4, left.Length);
    }

    [Fact]
    public void A_large_output_read_from_an_update_shows_and_writes_the_same_values()
    {
        var source = new Doc(new DocOptions { ClientId = 1 });
        var outputs = source.GetArray("outputs");
        outputs.Push([Stream("stdout"), Stream("stderr"), 7L]);
        var update = source.EncodeStateAsUpdate();

        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(update);
        var item = (Item)loaded.Store.Clients[1][0];

        Assert.Equal(update, loaded.EncodeStateAsUpdate());
        Assert.Equal(3, item.Content.Length);
        Assert.Equal(Output, ((Dictionary<string, object?>)loaded.GetArray("outputs").Get(1)!)["text"]);
        // A split decodes the values; both halves write what they held.
        loaded.GetArray("outputs").Insert(1, ["between"]);
        Assert.Equal(Output, ((Dictionary<string, object?>)loaded.GetArray("outputs").Get(2)!)["text"]);
        var again = new Doc(new DocOptions { ClientId = 3 });
        again.ApplyUpdate(loaded.EncodeStateAsUpdate());
        Assert.Equal(4, again.GetArray("outputs").Length);
        Assert.Equal(7L, again.GetArray("outputs").Get(3));
    }

    [Fact]
    public void Values_encoded_unlike_yjs_would_are_written_as_yjs_writes_them()
    {
        // A map entry whose number came as a float64 (tag 123) where yjs writes a varint (tag 125):
        // yjs decodes and writes 5 again as a varint, and so must we, so the bytes are not kept.
        var w = new Lib0Writer();
        w.WriteVarUint(1UL); w.WriteVarUint(1UL); w.WriteVarUint(7UL); w.WriteVarUint(0UL); // 1 client, 1 struct, client 7, clock 0
        w.WriteUint8(ContentAny.RefNumber | 0x20); // no origins, has a parent sub
        w.WriteVarUint(1UL); w.WriteVarString("m"); w.WriteVarString("k"); // root "m", key "k"
        w.WriteVarUint(1UL); // one value
        w.WriteUint8(118); w.WriteVarUint(2UL); // an object of two entries
        w.WriteVarString("text"); w.WriteUint8(119); w.WriteVarString(Output);
        w.WriteVarString("n"); w.WriteUint8(123); w.WriteFloat64(5);
        w.WriteVarUint(0UL); // no deletes
        var foreign = w.ToArray();

        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(foreign);
        var expected = new Doc(new DocOptions { ClientId = 7 });
        expected.GetMap("m").Set("k", new Dictionary<string, object?> { ["text"] = Output, ["n"] = 5L });

        Assert.NotEqual(foreign, loaded.EncodeStateAsUpdate());
        Assert.Equal(expected.EncodeStateAsUpdate(), loaded.EncodeStateAsUpdate());
    }

    [Fact]
    public void Small_values_pushed_one_at_a_time_merge_and_encode_the_same()
    {
        // Each push arrives as its own update and merges into the run before it: held encoded while
        // the run is small, then as a list; either way the values and their encoding are yjs's.
        var source = new Doc(new DocOptions { ClientId = 1 });
        var loaded = new Doc(new DocOptions { ClientId = 2 });
        var items = source.GetArray("items");
        for (int i = 0; i < 600; i++)
        {
            var before = source.EncodeStateVector();
            items.Push([new Dictionary<string, object?> { ["i"] = (long)i, ["tag"] = "cell" }]);
            loaded.ApplyUpdate(source.EncodeStateAsUpdate(before));
        }

        Assert.Equal(source.EncodeStateAsUpdate(), loaded.EncodeStateAsUpdate());
        Assert.Equal(599L, ((Dictionary<string, object?>)loaded.GetArray("items").Get(599)!)["i"]);
        loaded.GetArray("items").Insert(300, ["between"]);
        Assert.Equal(300L, ((Dictionary<string, object?>)loaded.GetArray("items").Get(301)!)["i"]);
        Assert.Equal(601, loaded.GetArray("items").Length);
    }

    [Fact]
    public void Map_keys_read_from_updates_are_one_string_for_every_document()
    {
        var source = new Doc(new DocOptions { ClientId = 1 });
        source.GetMap("cell").Set("execution_count", 3L);
        source.GetMap("cell").Set("naïve key", 4L);
        var update = source.EncodeStateAsUpdate();
        var first = new Doc(new DocOptions { ClientId = 2 });
        var second = new Doc(new DocOptions { ClientId = 3 });
        first.ApplyUpdate(update);
        second.ApplyUpdate(update);

        string Key(Doc doc, int index) => ((Item)doc.Store.Clients[1][index]).ParentSub!;
        Assert.Same(Key(first, 0), Key(second, 0));
        Assert.Equal("naïve key", Key(second, 1)); // not ASCII: read as it is, not shared
        Assert.Equal(3L, second.GetMap("cell").Get("execution_count"));
        Assert.Equal(update, second.EncodeStateAsUpdate());
    }

    private static Dictionary<string, object?> Stream(string name) =>
        new() { ["output_type"] = "stream", ["name"] = name, ["text"] = Output };
}
