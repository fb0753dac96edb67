namespace Collab.Server.Auth;

/// <summary>
/// How bearer tokens are checked (section <c>Auth</c>): HS256 with <see cref="SigningKey"/>, or
/// RS256 keys discovered from an OIDC <see cref="Authority"/> (Keycloak, a platform gateway).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary><c>Auth:SigningKey</c>: HS256 shared secret, at least 32 bytes of UTF-8.</summary>
    public string? SigningKey { get; set; }

    /// <summary><c>Auth:Issuer</c>: required <c>iss</c> of HS256 tokens.</summary>
    public string Issuer { get; set; } = "collab";

    /// <summary><c>Auth:Audience</c>: required <c>aud</c> of every token.</summary>
    public string Audience { get; set; } = "collab";

    /// <summary><c>Auth:Authority</c>: OIDC issuer URL whose discovery document names the JWKS.</summary>
    public string? Authority { get; set; }

    /// <summary><c>Auth:MetadataAddress</c>: explicit discovery URL when it is not under the authority.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary><c>Auth:RequireHttpsMetadata</c>: turn off only for a local test identity provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary><c>Auth:UserClaim</c>: the claim naming the user (membership rows use it).</summary>
    public string UserClaim { get; set; } = "sub";

    /// <summary>
    /// <c>Auth:ClientId</c>: the public client (no secret; PKCE) registered at the authority for the
    /// web client and the JupyterLab extension. Unset: they offer no "Sign in with" button.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary><c>Auth:Scopes</c>: space-separated scopes those clients ask for; must include <c>openid</c>.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>
    /// <c>Auth:AccessRecheckSeconds</c>: how often each node compares its live connections' roles with
    /// the store, for changes whose notice never arrived (Redis down at that moment, a database edit).
    /// </summary>
    public int AccessRecheckSeconds { get; set; } = 30;

    /// <summary>
    /// Set at start: true only on the embedded default (no PostgreSQL, no authority). Then a
    /// signing key is generated under the data directory and the <c>token</c> command works.
    /// </summary>
    public bool DevMode { get; set; }

    public bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress);
}
