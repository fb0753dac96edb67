namespace Collab.Crdt;

/// <summary>Options of a <see cref="Doc"/>.</summary>
public sealed class DocOptions
{
    /// <summary>The client id; a random uint32 when null, as in yjs.</summary>
    public ulong? ClientId { get; init; }
    /// <summary>Whether deleted content is garbage collected (yjs's <c>gc</c> flag).</summary>
    public bool Gc { get; init; } = true;
    /// <summary>The document's guid (used for sub-documents); a new one when null.</summary>
    public string? Guid { get; init; }
}
