namespace Collab.Server.History;

/// <summary>
/// One cell's difference, by cell id. Indexes are positions in the older (<see cref="FromIndex"/>)
/// and newer (<see cref="ToIndex"/>) notebook; <see cref="SourceDiff"/> is a unified diff of the
/// source (for added and removed cells, against nothing).
/// </summary>
public sealed record CellDiff(
    string CellId,
    CellChange Change,
    string CellType,
    int? FromIndex,
    int? ToIndex,
    bool Moved,
    string? SourceDiff,
    bool OutputsChanged,
    bool MetadataChanged);
