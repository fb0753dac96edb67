using Collab.Crdt.Blocks;
using Collab.Crdt.Store;

namespace Collab.Crdt.Tests.Store;

/// <summary>Lookups by clock that start from a hint find the same struct as the binary search, whatever the hint.</summary>
public class StructLookupTests
{
    [Fact]
    public void A_lookup_near_any_hint_finds_what_the_search_finds()
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("t");
        // Structs of different lengths: typed runs, split by deletions and by inserts in between.
        for (int i = 0; i < 40; i++) text.Insert(i * 3 % (text.Length + 1), new string('x', 1 + i % 4));
        for (int i = 0; i < 10; i++) text.Delete(i * 5 % text.Length, 1);
        var structs = doc.Store.Clients[1];
        int end = doc.Store.GetState(1);
        Assert.True(structs.Count > 20);

        for (int clock = 0; clock < end; clock++)
        {
            int expected = StructStore.FindIndex(structs, clock);
            for (int hint = -2; hint < structs.Count + 2; hint++)
                Assert.Equal(expected, StructStore.FindIndexNear(structs, clock, hint));
        }
    }

    [Fact]
    public void A_clock_past_the_store_is_refused_whatever_the_hint()
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        doc.GetText("t").Insert(0, "abc");
        var structs = doc.Store.Clients[1];
        Assert.Throws<InvalidOperationException>(() => StructStore.FindIndexNear(structs, 3, 0));
    }

    [Fact]
    public void Loading_an_update_twice_into_fresh_documents_gives_the_same_struct_lists()
    {
        // The lists are sized from the update's struct counts; sizing must not change what they hold.
        var source = new Doc(new DocOptions { ClientId = 1 });
        var text = source.GetText("t");
        for (int i = 0; i < 200; i++) text.Insert(i * 7 % (text.Length + 1), "ab");
        for (int i = 0; i < 50; i++) text.Delete(i * 11 % text.Length, 2);
        var update = source.EncodeStateAsUpdate();

        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(update);
        loaded.ApplyUpdate(update); // all of it known already: nothing added, nothing reserved

        Assert.Equal(text.ToString(), loaded.GetText("t").ToString());
        Assert.Equal(update, loaded.EncodeStateAsUpdate());
        Assert.Equal(source.Store.Clients[1].Count, loaded.Store.Clients[1].Count);
    }
}
