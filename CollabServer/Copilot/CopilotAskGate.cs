using System.Security.Claims;
using Collab.Copilot.Assistant;
using Collab.Server.Auth;
using Collab.Server.Errors;
using Collab.Server.Storage;

namespace Collab.Server.Copilot;

/// <summary>
/// The checks every way of asking shares (hub and SSE; chat has its own membership check by
/// having posted): a question, a project the caller belongs to, a notebook in it, the rate limit.
/// Unknown and forbidden projects and notebooks look alike.
/// </summary>
public sealed class CopilotAskGate(ProjectAccess access, CopilotRateLimiter limiter)
{
    public async Task<CopilotAskOutcome> CheckAsync(ClaimsPrincipal user, string? projectId, string? question, string? notebook, string? cellId,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question)) return CopilotAskOutcome.Refuse(ErrorCode.Invalid, "The question is empty.");
        if (string.IsNullOrEmpty(projectId) || await access.RoleAsync(user, projectId, ct) is null)
            return CopilotAskOutcome.Refuse(ErrorCode.NotFound, "Project not found.");
        if (!string.IsNullOrEmpty(notebook) && await access.DocumentRoleAsync(user, new DocumentKey(projectId, notebook), ct) is null)
            return CopilotAskOutcome.Refuse(ErrorCode.NotFound, "Notebook not found.");
        var userId = access.UserId(user)!;
        if (!limiter.TryAcquire(userId, out var refusal, out var retryAfter))
            return CopilotAskOutcome.Refuse(ErrorCode.RateLimited, refusal, retryAfter);
        return new CopilotAskOutcome(new CopilotRequest(projectId, userId, question, string.IsNullOrEmpty(notebook) ? null : notebook, cellId), null);
    }
}
