using Collab.Crdt.Encoding;

namespace Collab.Crdt.Types;

/// <summary>An XML element: a node name, attributes (in the map) and children (in the list).</summary>
public sealed class YXmlElement : YXmlFragment
{
    /// <summary>The type ref of <c>Y.XmlElement</c> in updates.</summary>
    public new const int TypeRefNumber = 3;

    /// <summary>A new element named <paramref name="nodeName"/>, not yet in a document (like yjs's <c>new Y.XmlElement(name)</c>).</summary>
    public YXmlElement(string nodeName = "UNDEFINED") => NodeName = nodeName;

    /// <summary>The element's tag name (yjs's <c>nodeName</c>).</summary>
    public string NodeName { get; }
    /// <inheritdoc/>
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlElement(NodeName);

    internal override void WriteTypeRef(UpdateEncoderV1 encoder)
    {
        encoder.WriteTypeRef(TypeRefNumber);
        encoder.WriteKey(NodeName);
    }

    /// <summary>Sets attribute <paramref name="name"/> (like yjs's <c>setAttribute</c>); the element must be in a document.</summary>
    public void SetAttribute(string name, object? value) => RequireDoc().Transact(tr => MapSet(tr, name, value));
    /// <summary>The value of attribute <paramref name="name"/>, or null (like yjs's <c>getAttribute</c>).</summary>
    public object? GetAttribute(string name) => MapGet(name);

    /// <summary>The element as XML text, attributes sorted by name (as yjs's <c>toString</c>).</summary>
    public override string ToString()
    {
        var attrs = string.Concat(MapEntries().OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $" {e.Key}=\"{e.Value}\""));
        var lower = NodeName.ToLowerInvariant();
        return $"<{lower}{attrs}>{base.ToString()}</{lower}>";
    }
}
