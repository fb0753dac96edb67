using System.Security.Claims;
using Collab.Server.Auth;

namespace Collab.Server.Audit;

/// <summary>What endpoints call to audit an action of the signed-in caller.</summary>
public sealed class AuditTrail(IAuditStore store, ProjectAccess access, TimeProvider clock)
{
    /// <summary>The actor of changes made without a signed-in user (the CLI, start-up).</summary>
    public const string SystemActor = "system";

    public Task<AuditEntry?> RecordAsync(ClaimsPrincipal user, string projectId, string action,
        string? target = null, string? detail = null, string? onceKey = null, CancellationToken ct = default) =>
        store.AppendAsync(new AuditEvent(projectId, Now(), access.UserId(user) ?? SystemActor, action, target, detail, onceKey), ct);

    /// <summary>
    /// For endpoints, after the change succeeded. The request's abort token is deliberately not
    /// passed: a caller hanging up after the change must not cost its audit entry.
    /// </summary>
    public Task<AuditEntry?> RecordAsync(HttpContext http, string projectId, string action, string? target = null, string? detail = null) =>
        RecordAsync(http.User, projectId, action, target, detail);

    // Milliseconds: what both backends keep exactly.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
