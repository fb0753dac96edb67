namespace Collab.Crdt.Blocks;

/// <summary>A unique position in the document: the author's client id and its clock.</summary>
public readonly record struct ID(ulong Client, int Clock)
{
    /// <summary>Formats the id as <c>client:clock</c>.</summary>
    public override string ToString() => $"{Client}:{Clock}";
}
