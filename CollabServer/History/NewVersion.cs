namespace Collab.Server.History;

/// <summary>
/// What is handed to the store to keep: <paramref name="CompressedState"/> is the document's full
/// Yjs state (<see cref="VersionState"/>), <paramref name="Authors"/> the people known to the
/// caller (the restorer, the checkpoint's author); the store adds those noted since the last version.
/// </summary>
public sealed record NewVersion(
    VersionKind Kind,
    string? Name,
    IReadOnlyCollection<string> Authors,
    long Seq,
    byte[] CompressedState,
    long StateBytes,
    DateTimeOffset CreatedAt);
