using Collab.Crdt.Events;
using Collab.Crdt.Transactions;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Store;

/// <summary>
/// A shared type makes its key dictionary, observer lists and search-marker slots only when it
/// needs them (a server holds thousands of types nobody observes, most of them lists). What it
/// does must not depend on whether they were made yet.
/// </summary>
public class LazyTypeStateTests
{
    private static Doc Notebook(ulong client)
    {
        var doc = new Doc(new DocOptions { ClientId = client });
        var cells = doc.GetArray("cells");
        for (int i = 0; i < 3; i++)
        {
            var cell = new YMap();
            cell.Set("id", $"cell-{i}");
            cell.Set("source", new YText($"print({i})"));
            cell.Set("metadata", new YMap());
            var outputs = new YArray();
            outputs.Push(new Dictionary<string, object?> { ["output_type"] = "stream", ["text"] = $"{i}\n" });
            cell.Set("outputs", outputs);
            cells.Push(cell);
        }
        return doc;
    }

    [Fact]
    public void A_document_applied_from_an_update_makes_no_dictionary_for_lists_and_no_observer_state()
    {
        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(Notebook(1).EncodeStateAsUpdate());

        var cells = loaded.GetArray("cells");
        var cell = (YMap)cells.Get(0)!;
        Assert.Null(cells.MapIfAny);
        Assert.Null(((YText)cell.Get("source")!).MapIfAny);
        Assert.Null(((YArray)cell.Get("outputs")!).MapIfAny);
        Assert.Null(((YMap)cell.Get("metadata")!).MapIfAny); // a map without keys
        Assert.NotNull(cell.MapIfAny);
        Assert.Equal(0, ((YMap)cell.Get("metadata")!).Count);
        Assert.Empty(((YMap)cell.Get("metadata")!).Keys);
        Assert.False(((YMap)cell.Get("metadata")!).ContainsKey("x"));
        Assert.Null(((YMap)cell.Get("metadata")!).Get("x"));
        Assert.False(((YMap)cell.Get("metadata")!).Delete("x"));
    }

    [Fact]
    public void Observers_added_after_the_content_was_loaded_see_remote_changes_and_can_be_removed()
    {
        var source = Notebook(1);
        var replica = new Doc(new DocOptions { ClientId = 2 });
        replica.ApplyUpdate(source.EncodeStateAsUpdate());
        var text = (YText)((YMap)replica.GetArray("cells").Get(1)!).Get("source")!;
        var seen = new List<string>();
        var deep = 0;
        void OnText(YEvent e, Transaction _) => seen.Add(text.ToString());
        void OnDeep(IReadOnlyList<YEvent> events, Transaction _) => deep += events.Count;
        text.Observe(OnText);
        replica.GetArray("cells").ObserveDeep(OnDeep);

        var before = source.EncodeStateVector();
        ((YText)((YMap)source.GetArray("cells").Get(1)!).Get("source")!).Insert(0, "# ");
        replica.ApplyUpdate(source.EncodeStateAsUpdate(before));
        Assert.Equal(["# print(1)"], seen);
        Assert.Equal(1, deep);

        text.Unobserve(OnText);
        replica.GetArray("cells").UnobserveDeep(OnDeep);
        before = source.EncodeStateVector();
        ((YText)((YMap)source.GetArray("cells").Get(1)!).Get("source")!).Insert(0, "x");
        replica.ApplyUpdate(source.EncodeStateAsUpdate(before));
        Assert.Single(seen);
        Assert.Equal(1, deep);

        // Removing a handler from a type that never had one is allowed, as in yjs.
        replica.GetMap("meta").Unobserve(OnText);
        replica.GetMap("meta").UnobserveDeep(OnDeep);
    }

    [Fact]
    public void Deleting_cells_whose_lists_never_held_a_key_converges_with_the_same_bytes()
    {
        var a = Notebook(1);
        var b = new Doc(new DocOptions { ClientId = 2 });
        b.ApplyUpdate(a.EncodeStateAsUpdate());

        a.GetArray("cells").Delete(0, 2); // deletes (and garbage collects) texts and arrays without keys
        ((YMap)b.GetArray("cells").Get(2)!).Set("execution_count", 3);
        a.ApplyUpdate(b.EncodeStateAsUpdate(a.EncodeStateVector()));
        b.ApplyUpdate(a.EncodeStateAsUpdate(b.EncodeStateVector()));

        Assert.Equal(1, a.GetArray("cells").Length);
        Assert.Equal(a.GetArray("cells").ToJson()!.ToJsonString(), b.GetArray("cells").ToJson()!.ToJsonString());
        Assert.Equal(a.EncodeStateAsUpdate(), b.EncodeStateAsUpdate());
    }

    [Fact]
    public void A_root_seen_before_it_was_asked_for_keeps_its_keys_when_adopted_as_a_map()
    {
        var source = new Doc(new DocOptions { ClientId = 1 });
        source.GetMap("meta").Set("nbformat", 4);
        source.GetText("empty").Insert(0, "x");
        var replica = new Doc(new DocOptions { ClientId = 2 });
        replica.ApplyUpdate(source.EncodeStateAsUpdate()); // "meta" and "empty" arrive as placeholder roots

        Assert.Equal(4d, Convert.ToDouble(replica.GetMap("meta").Get("nbformat")));
        Assert.Equal("x", replica.GetText("empty").ToString());
        Assert.Null(replica.GetText("empty").MapIfAny);
    }

    [Fact]
    public void A_list_indexed_after_loading_finds_positions_as_one_indexed_from_the_start()
    {
        var source = new Doc(new DocOptions { ClientId = 1 });
        var text = source.GetText("t");
        for (int i = 0; i < 40; i++) text.Insert(text.Length, $"{i:D2},");
        var replica = new Doc(new DocOptions { ClientId = 2 });
        replica.ApplyUpdate(source.EncodeStateAsUpdate());
        var copy = replica.GetText("t");

        // The replica's markers start with no slots; inserting through them must land where the source's do.
        for (int i = 0; i < 20; i++)
        {
            int at = (i * 37) % (copy.Length + 1);
            copy.Insert(at, "|");
            text.Insert(at, "|");
        }
        Assert.Equal(text.ToString(), copy.ToString());
    }
}
