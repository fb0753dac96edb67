namespace Collab.Server.Storage;

/// <summary>
/// Where an append landed in its document's log: <see cref="PreviousSeq"/> is the seq of the
/// document's entry just before the batch (0 for the first), <see cref="LastSeq"/> the seq of its
/// last update. Appends to one document are serialised, so the ranges of one document chain
/// exactly (each <see cref="PreviousSeq"/> is the <see cref="LastSeq"/> of the append before):
/// that is how a replica notices it missed one.
/// </summary>
public readonly record struct AppendedRange(long PreviousSeq, long LastSeq);
