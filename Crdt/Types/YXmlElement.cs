using Collab.Crdt.Encoding;

namespace Collab.Crdt.Types;

/// <summary>An XML element: a node name, attributes (in the map) and children (in the list).</summary>
public sealed class YXmlElement : YXmlFragment
{
    public new const int TypeRefNumber = 3;

    public YXmlElement(string nodeName = "UNDEFINED") => NodeName = nodeName;

    public string NodeName { get; }
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlElement(NodeName);

    internal override void WriteTypeRef(UpdateEncoderV1 encoder)
    {
        encoder.WriteTypeRef(TypeRefNumber);
        encoder.WriteKey(NodeName);
    }

    public void SetAttribute(string name, object? value) => RequireDoc().Transact(tr => MapSet(tr, name, value));
    public object? GetAttribute(string name) => MapGet(name);

    public override string ToString()
    {
        var attrs = string.Concat(MapEntries().OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $" {e.Key}=\"{e.Value}\""));
        var lower = NodeName.ToLowerInvariant();
        return $"<{lower}{attrs}>{base.ToString()}</{lower}>";
    }
}
