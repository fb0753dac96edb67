using Collab.Crdt.Blocks;
using Collab.Crdt.Content;

namespace Collab.Crdt.Tests.Encoding;

/// <summary><see cref="Updates.Decode"/> reads structs as yjs <c>decodeUpdate</c> does, without a document.</summary>
public class UpdateDecodeTests
{
    [Fact]
    public void A_first_map_set_names_its_parent_and_key()
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        byte[]? update = null;
        doc.UpdateV1 += (_, e) => update = e.Update;
        doc.GetMap("m").Set("k", 5L);

        var (structs, deleteSet) = Updates.Decode(update!);

        var item = Assert.IsType<Item>(Assert.Single(structs));
        Assert.Equal(new ID(1, 0), item.Id);
        Assert.Equal("m", item.Parent);
        Assert.Equal("k", item.ParentSub);
        Assert.Equal([5L], Assert.IsType<ContentAny>(item.Content).Arr);
        Assert.Empty(deleteSet.Clients);
    }

    [Fact]
    public void An_overwrite_carries_its_origin_and_deletes_the_old_value()
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        doc.GetMap("m").Set("k", 5L);
        byte[]? update = null;
        doc.UpdateV1 += (_, e) => update = e.Update;
        doc.GetMap("m").Set("k", 6L);

        var (structs, deleteSet) = Updates.Decode(update!);

        var item = Assert.IsType<Item>(Assert.Single(structs));
        Assert.Equal(new ID(1, 0), item.Origin);
        Assert.Null(item.ParentSub); // known only once integrated after its origin
        Assert.Equal([6L], Assert.IsType<ContentAny>(item.Content).Arr);
        Assert.True(deleteSet.IsDeleted(new ID(1, 0)));
    }

    [Fact]
    public void A_malformed_update_is_refused_with_the_format_error() =>
        Assert.Throws<CrdtFormatException>(() => Updates.Decode([1, 1, 1, 0, 0x77]));
}
