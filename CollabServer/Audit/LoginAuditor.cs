using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Collab.Server.Audit;

/// <summary>
/// Records logins. Collab never sees a password (tokens come from the identity provider), so a
/// "login" here is the first successful use of a token in a project: one entry per (token,
/// project), written to that project's log, so its owners see who came in and when. A token is
/// identified by its user, issue time, expiry and <c>jti</c>. The store's once-key makes the entry
/// unique across replicas; the in-memory set only spares the store a write per request.
/// </summary>
public sealed class LoginAuditor(AuditTrail trail)
{
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, byte> _seen = new();

    public async Task RecordAsync(ClaimsPrincipal user, string projectId, string via, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return;
        var key = $"login:{projectId}:{TokenId(user)}";
        if (_seen.ContainsKey(key)) return;
        await trail.RecordAsync(user, projectId, AuditActions.Login, detail: $"via {via}", onceKey: key, ct: ct);
        if (_seen.Count >= MaxRemembered) _seen.Clear(); // forgetting only costs one more no-op insert
        _seen.TryAdd(key, 0);
    }

    private static string TokenId(ClaimsPrincipal user)
    {
        var parts = string.Join('\n', new[] { "sub", "iat", "exp", "jti", "iss" }.Select(c => user.FindFirst(c)?.Value ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts)))[..32];
    }
}
