using System.Security.Claims;

namespace Collab.Server.Auth;

public static class CollabClaims
{
    /// <summary>The user id membership rows refer to (<c>sub</c> unless <c>Auth:UserClaim</c> says otherwise).</summary>
    public static string? UserId(this ClaimsPrincipal? user, string claim = "sub") =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(claim)?.Value : null;
}
