namespace Collab.Server.Audit;

/// <summary>
/// One stored audit record: who (<see cref="Actor"/>, a user id or "system") did what
/// (<see cref="Action"/>, one of <see cref="AuditActions"/>) to which <see cref="Target"/>
/// (a member, a notebook) in a project, when (server clock), with free-text <see cref="Detail"/>.
/// Ids grow store-wide, so they order entries and page the history.
/// </summary>
public sealed record AuditEntry(
    long Id,
    string ProjectId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Target,
    string? Detail);
