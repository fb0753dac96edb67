namespace Collab.Server.Audit;

/// <summary>
/// What is handed to the store to append. <see cref="OnceKey"/>, when set, makes the append
/// happen at most once store-wide (logins: one entry per token and project, across replicas).
/// </summary>
public sealed record AuditEvent(
    string ProjectId,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Target = null,
    string? Detail = null,
    string? OnceKey = null);
