namespace Collab.Crdt.Types;

/// <summary>Formatted text inside an XML fragment; behaves as <see cref="YText"/>.</summary>
public sealed class YXmlText : YText
{
    public new const int TypeRefNumber = 6;

    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlText();
}
