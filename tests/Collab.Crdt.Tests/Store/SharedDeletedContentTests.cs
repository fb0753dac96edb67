using Collab.Crdt.Blocks;

namespace Collab.Crdt.Tests.Store;

/// <summary>
/// Deleted content is shared between items of the same length; splitting or merging one such
/// item must leave every other item's content as it was.
/// </summary>
public class SharedDeletedContentTests
{
    [Fact]
    public void Splitting_one_deleted_run_leaves_the_others_of_its_length_whole()
    {
        var a = new Doc(new DocOptions { ClientId = 1 });
        var b = new Doc(new DocOptions { ClientId = 2 });
        var text = a.GetText("t");
        foreach (var word in new[] { "aaaa ", "bbbb ", "cccc ", "dddd " }) text.Insert(text.Length, word);
        b.ApplyUpdate(a.EncodeStateAsUpdate());

        text.Delete(0, 4);  // "aaaa": deleted, garbage collected into deleted content of length 4
        text.Delete(1, 4);  // "bbbb", the same length
        text.Delete(2, 4);  // "cccc"
        // Concurrently, b types inside "bbbb" and "cccc": a must split those deleted runs.
        b.GetText("t").Insert(7, "X");
        b.GetText("t").Insert(13, "Y");

        a.ApplyUpdate(b.EncodeStateAsUpdate(a.EncodeStateVector()));
        b.ApplyUpdate(a.EncodeStateAsUpdate(b.EncodeStateVector()));

        Assert.Equal(" X Y dddd ", text.ToString());
        Assert.Equal(text.ToString(), b.GetText("t").ToString());
        Assert.Equal(a.EncodeStateAsUpdate(), b.EncodeStateAsUpdate());
        foreach (var doc in new[] { a, b })
            foreach (var structs in doc.Store.Clients.Values)
                foreach (var s in structs)
                    if (s is Item item) Assert.Equal(item.Length, item.Content.Length);
    }

    [Fact]
    public void Merging_deleted_runs_keeps_the_shared_content_of_each_length_unchanged()
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("t");
        for (int i = 0; i < 50; i++) text.Insert(text.Length, "ab");
        for (int i = 0; i < 20; i++) text.Delete(i, 1); // many deleted runs of length 1, some merging
        text.Delete(0, 10);

        var loaded = new Doc(new DocOptions { ClientId = 2 });
        loaded.ApplyUpdate(doc.EncodeStateAsUpdate());

        Assert.Equal(text.ToString(), loaded.GetText("t").ToString());
        Assert.Equal(doc.EncodeStateAsUpdate(), loaded.EncodeStateAsUpdate());
        foreach (var d in new[] { doc, loaded })
            foreach (var s in d.Store.Clients[1])
                if (s is Item item) Assert.Equal(item.Length, item.Content.Length);
    }
}
