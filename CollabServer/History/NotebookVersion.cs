namespace Collab.Server.History;

/// <summary>
/// One kept version of a notebook, without its content. <see cref="Seq"/> is the document's log
/// position the version covers; <see cref="Authors"/> the user ids whose edits it holds that the
/// previous version did not; <see cref="StateBytes"/> the size of its Yjs state before compression.
/// </summary>
public sealed record NotebookVersion(
    long Id,
    DateTimeOffset CreatedAt,
    VersionKind Kind,
    string? Name,
    IReadOnlyList<string> Authors,
    long Seq,
    long StateBytes,
    long StoredBytes);
