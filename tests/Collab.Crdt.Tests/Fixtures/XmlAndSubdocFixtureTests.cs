using Collab.Crdt.Content;
using Collab.Crdt.Types;

namespace Collab.Crdt.Tests.Fixtures;

/// <summary>
/// Content Collab keeps but does not edit — XML types, sub-documents, binary values — round-trips
/// unchanged. The update comes from the real yjs package (make-fixtures.mjs beside this file).
/// </summary>
public class XmlAndSubdocFixtureTests
{
    private static byte[] Fixture() =>
        Convert.FromHexString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "xml-and-subdoc.update.hex")).Trim());

    [Fact]
    public void Update_from_yjs_decodes_and_reencodes_byte_for_byte()
    {
        var update = Fixture();
        var doc = new Doc(new DocOptions { ClientId = 99 });
        doc.ApplyUpdate(update);
        Assert.Equal(Convert.ToHexString(update), Convert.ToHexString(doc.EncodeStateAsUpdate()));
    }

    [Fact]
    public void Xml_types_and_subdocument_reference_are_readable()
    {
        var doc = new Doc(new DocOptions { ClientId = 99 });
        doc.ApplyUpdate(Fixture());
        var fragment = doc.GetXmlFragment("prosemirror");
        var paragraph = Assert.IsType<YXmlElement>(Assert.Single(fragment.Children));
        Assert.Equal("paragraph", paragraph.NodeName);
        Assert.Equal("center", paragraph.GetAttribute("align"));
        var text = Assert.IsType<YXmlText>(Assert.Single(paragraph.Children));
        Assert.Equal("Hello world", text.ToString());
        var subdoc = Assert.IsType<Doc>(doc.GetMap("subdocs").Get("attachment"));
        Assert.Equal("sub-notebook-1", subdoc.Guid);
        Assert.Equal(new byte[] { 1, 2, 3 }, doc.GetArray("list").Get(0));
    }
}
