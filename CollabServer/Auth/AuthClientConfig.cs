namespace Collab.Server.Auth;

/// <summary>
/// What a front end needs to sign a user in: the OIDC issuer and public client to run the
/// authorization code flow with PKCE against (both null when sign-in is not set up), the scopes
/// to ask for, the claim naming the user, and whether a pasted token is the way in instead
/// (<see cref="DevTokens"/>: no authority, so tokens are HS256, e.g. from the <c>token</c> command).
/// </summary>
public sealed record AuthClientConfig(string? Authority, string? ClientId, string Scopes, string UserClaim, bool DevTokens)
{
    public static AuthClientConfig From(AuthOptions auth)
    {
        var signIn = !string.IsNullOrWhiteSpace(auth.Authority) && !string.IsNullOrWhiteSpace(auth.ClientId);
        return new AuthClientConfig(
            signIn ? auth.Authority : null,
            signIn ? auth.ClientId : null,
            auth.Scopes,
            auth.UserClaim,
            !auth.UsesAuthority);
    }
}
