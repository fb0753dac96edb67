using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Collab.Server.Auth;

/// <summary>Mints HS256 tokens with the server's own key, for dev mode's <c>token</c> command.</summary>
public sealed class DevTokenIssuer(SigningKeyProvider keys, IOptions<AuthOptions> auth)
{
    public string Issue(string userId, TimeSpan lifetime)
    {
        var key = keys.Key ?? throw new InvalidOperationException("No signing key is configured.");
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Value.Issuer,
            Audience = auth.Value.Audience,
            Subject = new ClaimsIdentity([new Claim(auth.Value.UserClaim, userId), new Claim("name", userId)]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
