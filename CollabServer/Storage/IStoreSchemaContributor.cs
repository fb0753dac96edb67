namespace Collab.Server.Storage;

/// <summary>
/// A component's own tables in the configured store (chat, ...), created at start right after the
/// core schema so each component keeps its DDL next to its store.
/// </summary>
public interface IStoreSchemaContributor
{
    /// <summary>Creates missing tables, indexes and triggers; safe to run on every start.</summary>
    Task EnsureSchemaAsync(CancellationToken ct = default);
}
