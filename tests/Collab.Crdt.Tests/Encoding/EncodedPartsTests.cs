using Collab.Crdt.Encoding;

namespace Collab.Crdt.Tests.Encoding;

/// <summary>
/// A document's encoding taken in parts (what the server sends a joining client from) holds the
/// same bytes as the whole-array encoding, for the whole document and for a diff, small or large.
/// </summary>
public class EncodedPartsTests
{
    private static Doc Typed(int words)
    {
        var doc = new Doc(new DocOptions { ClientId = 1 });
        var text = doc.GetText("t");
        for (int i = 0; i < words; i++) text.Insert(i * 13 % (text.Length + 1), "word ");
        doc.GetMap("m").Set("output", string.Concat(Enumerable.Repeat("row\tvalue\n", 20_000)));
        return doc;
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    public void Parts_hold_the_same_bytes_as_the_whole_encoding(int words)
    {
        var doc = Typed(words);

        using var parts = doc.EncodeStateAsUpdateInParts();

        var whole = doc.EncodeStateAsUpdate();
        Assert.Equal(whole.Length, parts.Length);
        Assert.Equal(whole, parts.ToArray());
        Assert.Equal(whole, parts.Parts.SelectMany(p => p.ToArray()).ToArray());
    }

    [Fact]
    public void A_large_document_comes_in_several_parts()
    {
        using var parts = Typed(20_000).EncodeStateAsUpdateInParts();

        Assert.True(parts.Length > 200 * 1024);
        Assert.True(parts.Parts.Count() > 2);
    }

    [Fact]
    public void A_diff_in_parts_is_the_diff()
    {
        var doc = Typed(5_000);
        var peer = new Doc(new DocOptions { ClientId = 2 });
        peer.ApplyUpdate(doc.EncodeStateAsUpdate());
        doc.GetText("t").Insert(0, "new ");
        var stateVector = peer.EncodeStateVector();

        using var parts = doc.EncodeStateAsUpdateInParts(stateVector);

        Assert.Equal(doc.EncodeStateAsUpdate(stateVector), parts.ToArray());
        peer.ApplyUpdate(parts.ToArray());
        Assert.Equal(doc.GetText("t").ToString(), peer.GetText("t").ToString());
    }

    [Fact]
    public void Disposed_parts_are_empty_and_may_be_disposed_again()
    {
        var parts = Typed(20_000).EncodeStateAsUpdateInParts();

        parts.Dispose();
        parts.Dispose();

        Assert.Empty(parts.Parts);
    }
}
