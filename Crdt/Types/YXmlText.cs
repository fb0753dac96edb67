namespace Collab.Crdt.Types;

/// <summary>Formatted text inside an XML fragment; behaves as <see cref="YText"/>.</summary>
public sealed class YXmlText : YText
{
    /// <summary>The type ref of <c>Y.XmlText</c> in updates.</summary>
    public new const int TypeRefNumber = 6;

    /// <inheritdoc/>
    public override int TypeRef => TypeRefNumber;
    internal override AbstractType CopyEmpty() => new YXmlText();
}
