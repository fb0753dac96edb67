namespace Collab.Server.History;

/// <summary>Per-project history rules an owner may change.</summary>
public sealed record HistorySettings(bool OwnersOnlyRestore)
{
    public static readonly HistorySettings Default = new(OwnersOnlyRestore: false);
}
