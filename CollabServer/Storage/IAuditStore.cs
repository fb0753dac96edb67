using Collab.Server.Audit;

namespace Collab.Server.Storage;

/// <summary>
/// The append-only audit log, in the same store as the projects. There is deliberately no
/// update or delete: the tables refuse them (triggers), and entries outlive their project.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Appends the event and returns its entry; null, appending nothing, when an entry with the
    /// same <see cref="AuditEvent.OnceKey"/> already exists.
    /// </summary>
    Task<AuditEntry?> AppendAsync(AuditEvent entry, CancellationToken ct = default);

    /// <summary>Up to <paramref name="limit"/> entries of the project with ids below <paramref name="before"/> (or the newest), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string projectId, long? before, int limit, CancellationToken ct = default);
}
