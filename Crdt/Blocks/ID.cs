namespace Collab.Crdt.Blocks;

/// <summary>A unique position in the document: the author's client id and its clock.</summary>
/// <param name="Client">The author's client id (<see cref="Doc.ClientId"/>).</param>
/// <param name="Clock">The author's clock: the count of clocks it created before this one.</param>
public readonly record struct ID(ulong Client, int Clock)
{
    /// <summary>Formats the id as <c>client:clock</c>.</summary>
    public override string ToString() => $"{Client}:{Clock}";
}
