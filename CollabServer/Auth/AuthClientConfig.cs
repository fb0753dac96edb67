namespace Collab.Server.Auth;

/// <summary>
/// What a front end needs to sign a user in: the OIDC issuer and public client to run the
/// authorization code flow with PKCE against (both null when sign-in is not set up), the scopes
/// to ask for, the claim naming the user, and whether a pasted token is the way in instead
/// (<see cref="DevTokens"/>: no authority, so tokens are HS256, e.g. from the <c>token</c> command).
/// <see cref="AllowedOrigins"/> (<c>Cors:AllowedOrigins</c>) are the only pages the sign-in popup's
/// callback hands a code to: another opener could hold a PKCE verifier of its own for it.
/// </summary>
public sealed record AuthClientConfig(string? Authority, string? ClientId, string Scopes, string UserClaim, bool DevTokens, string[] AllowedOrigins)
{
    public static AuthClientConfig From(AuthOptions auth, string[]? allowedOrigins = null)
    {
        var signIn = !string.IsNullOrWhiteSpace(auth.Authority) && !string.IsNullOrWhiteSpace(auth.ClientId);
        return new AuthClientConfig(
            signIn ? auth.Authority : null,
            signIn ? auth.ClientId : null,
            auth.Scopes,
            auth.UserClaim,
            !auth.UsesAuthority,
            allowedOrigins ?? []);
    }
}
