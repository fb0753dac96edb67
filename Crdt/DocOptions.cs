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
    /// <summary>
    /// How deeply shared types may nest below a root (<see cref="Types.AbstractType.Depth"/>). An update
    /// that would nest deeper is refused with <see cref="CrdtFormatException"/>; this bounds the
    /// recursion of every walk over the document tree (JSON export, deletion, garbage collection).
    /// </summary>
    public int MaxNestingDepth { get; init; } = Doc.DefaultMaxNestingDepth;
    /// <summary>
    /// Bytes of structs and deletions that may wait for missing dependencies. An update that
    /// would park more is refused with <see cref="CrdtFormatException"/>, the document unchanged.
    /// </summary>
    public int MaxPendingBytes { get; init; } = Doc.DefaultMaxPendingBytes;
}
