using Collab.Server.Audit;

namespace Collab.Server.Audit;

/// <summary>
/// The append-only audit log, in the same store as the projects. There is deliberately no
/// update or delete: the tables refuse them (triggers), and entries outlive their project. An
/// entry belongs to the incarnation of its project it was written in (<see cref="ProjectIncarnation"/>):
/// a project deleted and created again under the same id starts with an empty log.
/// </summary>
public interface IAuditStore
{
    /// <summary>
    /// Appends the event and returns its entry; null, appending nothing, when an entry with the
    /// same <see cref="AuditEvent.OnceKey"/> already exists.
    /// </summary>
    Task<AuditEntry?> AppendAsync(AuditEvent entry, CancellationToken ct = default);

    /// <summary>
    /// Up to <paramref name="limit"/> entries of the project as it exists now, with ids below
    /// <paramref name="before"/> (or the newest), newest first; none when the project does not exist.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string projectId, long? before, int limit, CancellationToken ct = default);
}
